import { z } from "zod";
import { PLACE_GRIDS } from "../places.ts";
import { FileInputSchema } from "./imports.ts";

export const PlaceSearchInputSchema = z.object({
  query: z.string().max(200).default(""),
  limit: z.number().int().min(1).max(200).default(20),
});
export type PlaceSearchInput = z.output<typeof PlaceSearchInputSchema>;

/** Matching places, best first, with how many the workspace's list holds. */
export const PlaceSearchSchema = z.object({
  total: z.number(),
  places: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lon: z.number(),
      lat: z.number(),
      areaCode: z.string().nullable(),
      areaName: z.string(),
    }),
  ),
});

export const PublicPlaceSearchInputSchema = z.object({
  workspace: z.string().min(1).max(64),
  query: z.string().trim().min(2, "type at least 2 characters").max(100),
});

/** The public page's suggestions: names and points only (decisions/025). */
export const PublicPlaceSearchSchema = z.array(
  z.object({ name: z.string(), lon: z.number(), lat: z.number(), areaName: z.string() }),
);

export const PlaceImportInputSchema = FileInputSchema.extend({ grid: z.enum(PLACE_GRIDS).optional() });

export const PlaceImportResultSchema = z.object({
  grid: z.enum(PLACE_GRIDS),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

export const PlaceIdInputSchema = z.object({ id: z.uuid() });
export const PlaceRemovedSchema = z.object({ removed: z.number() });
