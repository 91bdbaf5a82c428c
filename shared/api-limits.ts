/** Calls in one tRPC batch: the server refuses larger batches, the client splits at this size. */
export const MAX_BATCH_SIZE = 20;
