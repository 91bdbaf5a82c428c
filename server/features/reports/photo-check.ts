import sharp from "sharp";
import { LIMITS, type PhotoType } from "../../../shared/field.ts";
import { AppError } from "../../errors.ts";
import { createTaskLimit } from "../../task-limit.ts";

/** Decoding is the costly part: a few photos at once, a short queue, the rest refused. */
const photoWork = createTaskLimit({ concurrency: 2, maxWaiting: 32 });
/** 40 megapixels: more than any phone camera, far less than a decompression bomb. */
const MAX_PIXELS = 40_000_000;

function sniffType(data: Buffer): PhotoType {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => data[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (data.subarray(0, 4).toString("latin1") === "RIFF" && data.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  throw new AppError("VALIDATION", { reason: "PHOTO_NOT_IMAGE", field: "photo" });
}

/**
 * The image type read from the bytes themselves (the declared type and the file name are not
 * trusted): JPEG, PNG or WebP, at most LIMITS.photoBytes. The photo is then decoded and encoded
 * afresh, turned upright, so nothing but its pixels is kept: no EXIF, no GPS position, no
 * camera or editing history. Anything else is refused by name.
 */
export async function checkPhoto(base64: string): Promise<{ contentType: PhotoType; data: Buffer }> {
  // base64 length bounds the decoded size: refuse before decoding a huge string.
  if (base64.length > Math.ceil(LIMITS.photoBytes / 3) * 4 + 4)
    throw new AppError("VALIDATION", {
      reason: "PHOTO_TOO_LARGE",
      params: { mb: LIMITS.photoBytes / 1024 / 1024 },
      field: "photo",
    });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new AppError("VALIDATION", { reason: "PHOTO_UNREADABLE", field: "photo" });
  const data = Buffer.from(base64, "base64");
  if (data.length === 0) throw new AppError("VALIDATION", { reason: "PHOTO_UNREADABLE", field: "photo" });
  if (data.length > LIMITS.photoBytes)
    throw new AppError("VALIDATION", {
      reason: "PHOTO_TOO_LARGE",
      params: { mb: LIMITS.photoBytes / 1024 / 1024 },
      field: "photo",
    });
  const contentType = sniffType(data);
  const reencoded = await photoWork.run(async () => {
    const image = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
    const encoded =
      contentType === "image/jpeg"
        ? image.jpeg({ quality: 85 })
        : contentType === "image/png"
          ? image.png()
          : image.webp({ quality: 85 });
    return encoded.toBuffer().catch(() => {
      throw new AppError("VALIDATION", { reason: "PHOTO_UNREADABLE", field: "photo" });
    });
  });
  return { contentType, data: reencoded };
}
