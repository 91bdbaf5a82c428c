import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/** A stored photo, fetched through the API (workspace members only) and shown from a data URL. */
export function PhotoView({ photoId, alt }: { photoId: string; alt: string }) {
  const trpc = useTRPC();
  const photo = useQuery(trpc.walks.photo.queryOptions({ photoId }));
  if (!photo.data) return null;
  return (
    <img
      className="photo-thumb"
      src={`data:${photo.data.contentType};base64,${photo.data.base64}`}
      alt={alt}
    />
  );
}
