import { useSyncExternalStore } from "react";

/** How far the file being uploaded has got: bytes sent, or "processing" once all are sent. */
export type UploadProgress = { sent: number; total: number; phase: "sending" | "processing" } | null;

let current: UploadProgress = null;
const listeners = new Set<() => void>();

function publish(next: UploadProgress) {
  current = next;
  for (const listener of listeners) listener();
}

export function useUploadProgress(): UploadProgress {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/**
 * fetch() through XMLHttpRequest, whose upload events report progress (fetch has none for request
 * bodies). Used for the import procedures, whose bodies carry whole files.
 */
export function fetchWithUploadProgress(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(init?.method ?? "GET", String(input));
    for (const [name, value] of new Headers(init?.headers).entries()) request.setRequestHeader(name, value);
    request.withCredentials = true;
    request.upload.onprogress = (event) =>
      publish({ sent: event.loaded, total: event.lengthComputable ? event.total : 0, phase: "sending" });
    request.upload.onload = () =>
      publish({ sent: current?.total ?? 0, total: current?.total ?? 0, phase: "processing" });
    request.onload = () => {
      publish(null);
      const headers = new Headers();
      for (const line of request
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(":");
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(new Response(request.responseText, { status: request.status, headers }));
    };
    request.onerror = () => {
      publish(null);
      reject(new TypeError("Network request failed"));
    };
    init?.signal?.addEventListener("abort", () => request.abort());
    request.send((init?.body as XMLHttpRequestBodyInit | null | undefined) ?? null);
  });
}
