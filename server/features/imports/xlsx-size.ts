import { createInflateRaw } from "node:zlib";
import { ImportRejectedError } from "./import-errors.ts";

/** An XLSX is a ZIP of XML: a few MB can inflate to gigabytes, so its contents are measured first. */
export const XLSX_UNZIPPED_LIMIT = 100 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

const refuse = (reason: string) => new ImportRejectedError([{ row: 1, column: "-", reason }], 1);
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Inflates and counts without keeping the output, stopping as soon as `budget` is passed. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflater.destroy();
        reject(new RangeError("budget"));
      }
    });
    inflater.on("end", () => resolve(size));
    inflater.on("error", () =>
      reject(refuse("inte en läsbar XLSX-fil (en del av den går inte att packa upp)")),
    );
    inflater.end(data);
  });
}

/**
 * The total size of an XLSX's contents once unzipped, measured by inflating every entry (the sizes
 * a ZIP declares can lie). Refuses, naming the limit, a file beyond `limit`.
 */
export async function checkUnzippedSize(content: Buffer, limit = XLSX_UNZIPPED_LIMIT): Promise<number> {
  const tooLarge = () =>
    refuse(
      `XLSX-filen blir större än ${megabytes(limit)} uppackad (gränsen är ${megabytes(limit)}); dela upp den eller spara den som CSV`,
    );
  const end = content.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > content.length || content.readUInt32LE(end) !== END_OF_DIRECTORY)
    throw refuse("inte en XLSX-fil (ingen ZIP-katalog hittades)");
  const entryCount = content.readUInt16LE(end + 10);
  if (entryCount > MAX_ENTRIES) throw refuse(`XLSX-filen har fler än ${MAX_ENTRIES} delar`);
  let position = content.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entryCount; i++) {
    if (position + 46 > content.length || content.readUInt32LE(position) !== DIRECTORY_ENTRY)
      throw refuse("inte en läsbar XLSX-fil (trasig ZIP-katalog)");
    const method = content.readUInt16LE(position + 10);
    const compressedSize = content.readUInt32LE(position + 20);
    const localOffset = content.readUInt32LE(position + 42);
    const variableLength =
      content.readUInt16LE(position + 28) +
      content.readUInt16LE(position + 30) +
      content.readUInt16LE(position + 32);
    position += 46 + variableLength;
    if (localOffset + 30 > content.length || content.readUInt32LE(localOffset) !== LOCAL_ENTRY)
      throw refuse("inte en läsbar XLSX-fil (trasig ZIP-post)");
    const start =
      localOffset + 30 + content.readUInt16LE(localOffset + 26) + content.readUInt16LE(localOffset + 28);
    const data = content.subarray(start, start + compressedSize);
    if (data.length !== compressedSize) throw refuse("inte en läsbar XLSX-fil (avkortad)");
    if (method === 0) total += compressedSize;
    else if (method === 8)
      total += await inflatedSize(data, limit - total).catch((error: unknown) => {
        throw error instanceof RangeError ? tooLarge() : error;
      });
    else throw refuse(`XLSX-filen använder en okänd komprimering (${method})`);
    if (total > limit) throw tooLarge();
  }
  return total;
}
