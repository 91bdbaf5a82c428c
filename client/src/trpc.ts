import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "../../server/router.ts";
import { MAX_BATCH_SIZE } from "../../shared/api-limits.ts";
import { invalidateAfter } from "./invalidation.ts";
import { fetchWithUploadProgress } from "./upload-progress.ts";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
export type RouterOutputs = inferRouterOutputs<AppRouter>;

let currentWorkspace: string | null = null;
/** The workspace every request is made in; set by the workspace layout from the URL. */
export function setCurrentWorkspace(slug: string | null) {
  currentWorkspace = slug;
}

/**
 * A request inside a workspace refused for want of a session (logged out, the session ended by a
 * deactivation or a password change elsewhere): the page goes to the login at once, dropping
 * every cached answer, instead of showing an error on a page the user may no longer see.
 */
function leaveWhenSignedOut(error: unknown) {
  const isSignedOut = error instanceof TRPCClientError && error.data?.appCode === "UNAUTHENTICATED";
  if (isSignedOut && window.location.pathname.startsWith("/w/")) window.location.assign("/login");
}

export function createClients() {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: leaveWhenSignedOut }),
    // What a write changed is refreshed here, by the map in invalidation.ts, not by each form.
    // Imports refresh on failure too: a refused file is a row in the import history.
    mutationCache: new MutationCache({
      onError: leaveWhenSignedOut,
      onSettled: (_data, error, _variables, _context, mutation) => {
        const key = mutation.options.mutationKey;
        const isImport = Array.isArray(key?.[0]) && key[0][0] === "imports";
        if (!error || isImport) return invalidateAfter(queryClient, key);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(error instanceof TRPCClientError && error.data?.httpStatus < 500) && failures < 2,
      },
    },
  });
  const headers = () => (currentWorkspace ? { "x-est-workspace": currentWorkspace } : {});
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      // Imports carry whole files: sent alone, through XMLHttpRequest, so the page can show progress.
      splitLink({
        condition: (operation) => operation.type === "mutation" && operation.path.startsWith("imports."),
        true: httpLink({ url: "/trpc", headers, fetch: fetchWithUploadProgress }),
        // The server refuses larger batches (one way guesses were multiplied): split here at its limit.
        false: httpBatchLink({ url: "/trpc", headers, maxItems: MAX_BATCH_SIZE }),
      }),
    ],
  });
  return { queryClient, trpcClient };
}
