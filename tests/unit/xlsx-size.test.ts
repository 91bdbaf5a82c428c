import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkUnzippedSize } from "../../server/features/imports/xlsx-size.ts";

async function realXlsx() {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Blad1").addRow(["Namn", "Lat", "Lon"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One deflated entry whose central directory may lie about its size. */
function zipWithEntry(data: Buffer, declaredSize = data.length) {
  const name = Buffer.from("xl/sharedStrings.xml");
  const compressed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  const directory = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length + name.length + compressed.length, 16);
  return Buffer.concat([local, name, compressed, directory, end]);
}

describe("unzipped size of an XLSX", () => {
  it("lets a real workbook through", async () => {
    await expect(checkUnzippedSize(await realXlsx(), 1024 * 1024)).resolves.toBeGreaterThan(0);
  });

  it("refuses one that inflates past the limit, measured by inflating rather than trusting its header", async () => {
    const data = Buffer.alloc(3 * 1024 * 1024);
    await expect(checkUnzippedSize(zipWithEntry(data), 2 * 1024 * 1024)).rejects.toThrow(/2 MB/);
    await expect(checkUnzippedSize(zipWithEntry(data, 10), 2 * 1024 * 1024)).rejects.toThrow(/2 MB/);
    await expect(checkUnzippedSize(zipWithEntry(data), 4 * 1024 * 1024)).resolves.toBe(data.length);
  });

  it("refuses what is not a ZIP archive at all", async () => {
    await expect(checkUnzippedSize(Buffer.from("Namn;Lat;Lon\n"), 1024)).rejects.toThrow(/XLSX/);
  });
});
