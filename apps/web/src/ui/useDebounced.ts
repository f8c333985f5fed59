import { useEffect, useState } from "react";

/** The value once typing has paused for `delay` milliseconds (searches wait for it). */
export function useDebounced<V>(value: V, delay: number): V {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
