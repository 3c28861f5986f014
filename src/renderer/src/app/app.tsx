import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient, useInvalidateOnDataChange } from '../lib/query-client';
import { AntdProvider } from './antd-provider';
import { AppShell } from './app-shell';
import { useNotices } from './notice-context';
import { NoticeProvider } from './notice-provider';

function DataLayer() {
  const notices = useNotices();
  const [client] = useState(() => createQueryClient((err) => notices.showError(err)));
  useInvalidateOnDataChange(client);
  return (
    <QueryClientProvider client={client}>
      <AppShell />
    </QueryClientProvider>
  );
}

/** The whole renderer: Ant Design's theme and locale, notices, the data cache and the shell. */
export function App() {
  return (
    <AntdProvider>
      <NoticeProvider>
        <DataLayer />
      </NoticeProvider>
    </AntdProvider>
  );
}
