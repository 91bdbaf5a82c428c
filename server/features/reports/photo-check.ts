import { LIMITS, type PhotoType } from "../../../shared/field.ts";
import { AppError } from "../../errors.ts";

/**
 * The image type read from the bytes themselves (the declared type and the file name are not
 * trusted): JPEG, PNG or WebP, at most LIMITS.photoBytes. Anything else is refused by name.
 */
export function checkPhoto(base64: string): { contentType: PhotoType; data: Buffer } {
  // base64 length bounds the decoded size: refuse before decoding a huge string.
  if (base64.length > Math.ceil(LIMITS.photoBytes / 3) * 4 + 4)
    throw new AppError("VALIDATION", `photo: larger than ${LIMITS.photoBytes / 1024 / 1024} MB`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError("VALIDATION", "photo: not base64");
  const data = Buffer.from(base64, "base64");
  if (data.length === 0) throw new AppError("VALIDATION", "photo: empty");
  if (data.length > LIMITS.photoBytes)
    throw new AppError("VALIDATION", `photo: larger than ${LIMITS.photoBytes / 1024 / 1024} MB`);
  const starts = (...bytes: number[]) => bytes.every((byte, i) => data[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return { contentType: "image/jpeg", data };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { contentType: "image/png", data };
  if (data.subarray(0, 4).toString("latin1") === "RIFF" && data.subarray(8, 12).toString("latin1") === "WEBP")
    return { contentType: "image/webp", data };
  throw new AppError("VALIDATION", "photo: not a JPEG, PNG or WebP image");
}
