/** Hands a file made in the page to the browser's download, under the given name. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a response offers in its Content-Disposition header, if any. */
export function attachmentName(header: string | null): string | null {
  const match = /filename="?([^";]+)"?/i.exec(header ?? "");
  return match?.[1] ?? null;
}
