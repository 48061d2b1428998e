import { Table, type TableProps } from 'antd';
import type { KeysetList } from '../app/use-keyset-list';
import { LoadMore } from './load-more';

type KeysetTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & { list: KeysetList<T> };

/** A table over a keyset-paginated list, with the "load more" footer every list page uses. */
export function KeysetTable<T extends object>({ list, ...table }: KeysetTableProps<T>) {
  return (
    <>
      <Table<T>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        {...table}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
    </>
  );
}
