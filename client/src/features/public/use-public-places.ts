import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { AddressList } from "../../components/map/address-input.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * The citizen page's address list: the public search (names and points only, rate-limited) for
 * the text typed after a short pause, from two characters on. Whether the kommun has a list is not
 * told, so the field is always offered (decisions/025).
 */
export function usePublicAddressList(slug: string): AddressList {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [settled, setSettled] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const result = useQuery({
    ...trpc.places.publicSearch.queryOptions({ workspace: slug, query: settled }),
    enabled: settled.length >= 2,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const places = settled.length >= 2 ? (result.data ?? []) : [];
  return {
    places: places.map((place) => ({ id: place.name, ...place })),
    total: 1,
    isFetching: result.isFetching || settled !== query.trim(),
    onQuery: setQuery,
  };
}
