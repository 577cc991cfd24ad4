/** Bytes as decimal megabytes with one decimal: how upload sizes are shown to an operator. */
export function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
