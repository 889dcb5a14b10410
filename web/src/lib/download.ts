/**
 * Saves a file the client fetched (the token is in memory, a plain link would carry none):
 * the browser downloads it from an object URL under our own name (a blob has no
 * Content-Disposition to read).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a moment later: the click starts the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
