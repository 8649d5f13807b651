// Loads a query and keeps it current: re-fetches when `refresh` is called (from a subscription event)
// and after the WebSocket reconnects. Answers that arrive out of order never overwrite newer ones.
import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, onReconnect, request } from './client';

export interface LiveQuery<Data> {
  readonly data: Data | null;
  readonly error: ApiError | null;
  readonly refresh: () => void;
}

export const useLiveQuery = <Data, Variables>(
  token: string,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
): LiveQuery<Data> => {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(variables);
  const refresh = useCallback(() => {
    const call = ++latest.current;
    request(token, document, JSON.parse(key) as Variables).then(
      (result) => {
        if (call !== latest.current) return;
        setData(result);
        setError(null);
      },
      (failure: unknown) => {
        if (call !== latest.current) return;
        setError(failure instanceof ApiError ? failure : new ApiError(String(failure), 'ERROR'));
      },
    );
  }, [token, document, key]);
  useEffect(() => {
    refresh();
    return onReconnect(refresh);
  }, [refresh]);
  return { data, error, refresh };
};
