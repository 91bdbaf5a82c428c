import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { zxyToTileId } from "pmtiles";

// A small basemap for the browser tests: synthetic streets, land and a river around Borlänge in
// Protomaps' layer schema (earth, water, roads, places), written as a PMTiles v3 archive with
// gzip-compressed tiles and directory, as the real extracts are.

const BOUNDS = { west: 15.25, south: 60.4, east: 15.62, north: 60.56 };
const CENTRE = { lon: 15.435, lat: 60.485 };
const ZOOMS = { min: 8, max: 14 };

const feature = (geometry: Geometry, properties: Record<string, string | number>): Feature => ({
  type: "Feature",
  geometry,
  properties,
});

/** A street grid around the centre, main roads across it, and a highway along the river. */
function roads(): FeatureCollection {
  const features: Feature[] = [];
  for (let step = -12; step <= 12; step++) {
    const lon = CENTRE.lon + step * 0.006;
    const lat = CENTRE.lat + step * 0.003;
    features.push(
      feature(
        {
          type: "LineString",
          coordinates: [
            [lon, CENTRE.lat - 0.04],
            [lon, CENTRE.lat + 0.04],
          ],
        },
        { kind: "minor_road", kind_detail: "residential", name: `Testgatan ${step + 13}`, min_zoom: 12 },
      ),
      feature(
        {
          type: "LineString",
          coordinates: [
            [CENTRE.lon - 0.08, lat],
            [CENTRE.lon + 0.08, lat],
          ],
        },
        { kind: "minor_road", kind_detail: "residential", name: `Provvägen ${step + 13}`, min_zoom: 12 },
      ),
    );
  }
  for (const [name, coordinates] of [
    [
      "Stationsgatan",
      [
        [BOUNDS.west, 60.47],
        [CENTRE.lon, CENTRE.lat],
        [BOUNDS.east, 60.5],
      ],
    ],
    [
      "Hagalundsvägen",
      [
        [15.4, BOUNDS.south],
        [CENTRE.lon, CENTRE.lat],
        [15.45, BOUNDS.north],
      ],
    ],
  ] as const)
    features.push(
      feature(
        { type: "LineString", coordinates: coordinates.map((point) => [...point]) },
        { kind: "major_road", name, min_zoom: 8 },
      ),
    );
  features.push(
    feature(
      {
        type: "LineString",
        coordinates: [
          [BOUNDS.west, 60.44],
          [15.38, 60.465],
          [15.5, 60.49],
          [BOUNDS.east, 60.53],
        ],
      },
      { kind: "highway", name: "E16", ref: "E16", min_zoom: 6 },
    ),
  );
  return { type: "FeatureCollection", features };
}

function layersAt(): Record<string, FeatureCollection> {
  const { west, south, east, north } = BOUNDS;
  const ring = [
    [west - 0.1, south - 0.1],
    [east + 0.1, south - 0.1],
    [east + 0.1, north + 0.1],
    [west - 0.1, north + 0.1],
    [west - 0.1, south - 0.1],
  ];
  const river = [
    [15.3, 60.56],
    [15.4, 60.52],
    [15.47, 60.47],
    [15.55, 60.42],
    [15.56, 60.425],
    [15.48, 60.475],
    [15.41, 60.525],
    [15.31, 60.565],
    [15.3, 60.56],
  ];
  return {
    earth: {
      type: "FeatureCollection",
      features: [feature({ type: "Polygon", coordinates: [ring] }, { kind: "earth" })],
    },
    water: {
      type: "FeatureCollection",
      features: [
        feature({ type: "Polygon", coordinates: [river] }, { kind: "river", name: "Dalälven", min_zoom: 8 }),
      ],
    },
    roads: roads(),
    places: {
      type: "FeatureCollection",
      features: [
        feature(
          { type: "Point", coordinates: [CENTRE.lon, CENTRE.lat] },
          { kind: "locality", name: "Borlänge", "name:sv": "Borlänge", min_zoom: 6, population_rank: 10 },
        ),
      ],
    },
  };
}

function tileRange(zoom: number) {
  const n = 2 ** zoom;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const radians = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n);
  };
  return { x0: x(BOUNDS.west), x1: x(BOUNDS.east), y0: y(BOUNDS.north), y1: y(BOUNDS.south) };
}

function varint(value: number, out: number[]) {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** The PMTiles v3 directory: tile id deltas, run lengths, lengths, then offsets (0 = right after the previous). */
function directory(entries: { tileId: number; offset: number; length: number }[]): Buffer {
  const bytes: number[] = [];
  varint(entries.length, bytes);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId, bytes);
    lastId = entry.tileId;
  }
  for (const _ of entries) varint(1, bytes);
  for (const entry of entries) varint(entry.length, bytes);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1, bytes);
  });
  return Buffer.from(bytes);
}

/** Writes the archive to `file` and returns how many tiles it holds. */
export function writeTestBasemap(file: string): number {
  const indexes = Object.entries(layersAt()).map(
    ([name, data]) => [name, new GeoJSONVT(data, { maxZoom: ZOOMS.max, indexMaxZoom: 0 })] as const,
  );
  const tiles: { tileId: number; data: Buffer }[] = [];
  for (let z = ZOOMS.min; z <= ZOOMS.max; z++) {
    const { x0, x1, y0, y1 } = tileRange(z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const layers = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile ? [[name, tile]] : [];
          }),
        );
        if (Object.keys(layers).length === 0) continue;
        const pbf = fromGeojsonVt(layers, { version: 2, extent: 4096 });
        tiles.push({ tileId: zxyToTileId(z, x, y), data: gzipSync(pbf) });
      }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((tile) => {
    const entry = { tileId: tile.tileId, offset, length: tile.data.length };
    offset += tile.data.length;
    return entry;
  });
  const root = gzipSync(directory(entries));
  const metadata = gzipSync(
    JSON.stringify({
      name: "EST test basemap",
      attribution: "Syntetiska gator för testerna",
      vector_layers: ["earth", "water", "roads", "places"].map((id) => ({ id, fields: {} })),
    }),
  );
  const tileData = Buffer.concat(tiles.map((tile) => tile.data));
  const header = Buffer.alloc(127);
  header.write("PMTiles", 0, "ascii");
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(root.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset + tileData.length, 40);
  u64(0, 48);
  u64(dataOffset, 56);
  u64(tileData.length, 64);
  u64(tiles.length, 72);
  u64(tiles.length, 80);
  u64(tiles.length, 88);
  header.writeUInt8(1, 96); // clustered: tiles in tile id order
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: Mapbox Vector Tile
  header.writeUInt8(ZOOMS.min, 100);
  header.writeUInt8(ZOOMS.max, 101);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  header.writeInt32LE(e7(BOUNDS.west), 102);
  header.writeInt32LE(e7(BOUNDS.south), 106);
  header.writeInt32LE(e7(BOUNDS.east), 110);
  header.writeInt32LE(e7(BOUNDS.north), 114);
  header.writeUInt8(12, 118);
  header.writeInt32LE(e7(CENTRE.lon), 119);
  header.writeInt32LE(e7(CENTRE.lat), 123);
  if (rootOffset + root.length > 16_384) throw new Error("root directory too large for one read");
  fs.writeFileSync(file, Buffer.concat([header, root, metadata, tileData]));
  return tiles.length;
}
