import type { MultiPolygon, Polygon } from "geojson";
import { z } from "zod";

export const AREA_KINDS = ["kommun", "regso", "deso", "district", "subarea"] as const;

export const RenameAreaInputSchema = z.object({
  areaId: z.uuid(),
  name: z.string().trim().min(1).max(120),
});
export type RenameAreaInput = z.infer<typeof RenameAreaInputSchema>;

export const RenamedAreaSchema = z.object({ id: z.string(), code: z.string().nullable(), name: z.string() });

/** The workspace's areas at every level (kommun, RegSO, DeSO, own districts), by kind and code. */
export const AreaListSchema = z.array(
  z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(AREA_KINDS),
    code: z.string().nullable(),
    name: z.string(),
    centroidLon: z.number().nullable(),
    centroidLat: z.number().nullable(),
    isApproximate: z.boolean(),
  }),
);
export type AreaList = z.infer<typeof AreaListSchema>;

export const DistrictPropertiesSchema = z.object({
  areaId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  isApproximate: z.boolean(),
  centroid: z.tuple([z.number(), z.number()]).nullable(),
  /** Whose boundary it is, for the map's attribution: SCB's DeSO and RegSO are CC BY 4.0. */
  source: z.string().nullable(),
});
export type DistrictProperties = z.infer<typeof DistrictPropertiesSchema>;

/**
 * The districts' boundaries as GeoJSON. The geometry is passed through as stored, unchecked
 * (the area import checked it); z.custom keeps its GeoJSON type for the client's maps.
 */
export const DistrictGeometriesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      id: z.string(),
      geometry: z.custom<Polygon | MultiPolygon>(),
      properties: DistrictPropertiesSchema,
    }),
  ),
});
export type DistrictGeometries = z.infer<typeof DistrictGeometriesSchema>;
