import { z } from "zod";
import { publicProcedure, router } from "../../trpc.ts";

export type PublicConfig = { mapStyleUrl: string | null };

export function createSystemRouter(config: PublicConfig) {
  return router({
    /** Public: what the client needs before anyone logs in (the basemap style, if configured). */
    config: publicProcedure.input(z.void()).query(() => config),
  });
}
