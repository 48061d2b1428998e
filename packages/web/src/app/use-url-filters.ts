import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters kept in the address (?status=active&pol=CNSHA), so "back" from a record keeps them: the keys
 * given are read from it and written to it, empty values left out.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (next: Partial<Record<K, string>>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => {
    const values: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = searchParams.get(key);
      if (value) values[key] = value;
    }
    return values;
  }, [searchParams, keys]);
  const setFilters = useCallback(
    (next: Partial<Record<K, string>>) => {
      const params = new URLSearchParams();
      for (const key of keys) {
        const value = next[key];
        if (value) params.set(key, value);
      }
      setSearchParams(params, { replace: true });
    },
    [setSearchParams, keys],
  );
  return [filters, setFilters];
}
