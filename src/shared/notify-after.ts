/** Wraps a write so `onChange` runs once it has settled, whether it succeeded or not (it may have half-happened). */
export function notifyAfter(onChange: () => void) {
  return <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        onChange();
      }
    };
}
