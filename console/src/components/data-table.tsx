import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { Fragment, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesQuery } from '../lib/fold';
import { formatNumber } from '../lib/format';
import { EmptyState, type EmptyStateProps, NoMatch } from './empty-state';

/** One column: `value` drives sorting, searching and the .xlsx export; `cell` how it is shown. */
export interface Column<T> {
  readonly id: string;
  readonly header: string;
  readonly value: (row: T) => string | number | null;
  readonly cell?: (row: T) => ReactNode;
  readonly numeric?: boolean;
}

interface DataTableProps<T> {
  /** Names the table for assistive technology and the export's file name. */
  readonly caption: string;
  readonly rows: readonly T[];
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => string;
  readonly exportName?: string;
  readonly pageSize?: number;
  /** Start with this search text (e.g. from the URL). */
  readonly initialQuery?: string;
  /** What to show under a row, across every column, when it is expanded; null when it is not. */
  readonly detail?: (row: T) => ReactNode;
  /** What the table says in place of itself when it has no rows at all: what they are, and the first step. */
  readonly empty?: EmptyStateProps;
  /**
   * Clears the screen's own filters (those the rows were fetched or picked by), given while some are set:
   * with no rows, the table then says nothing matches them, not that nothing exists.
   */
  readonly clearFilters?: () => void;
}

/** Rows the API marks as sample data (`sample: true`), which `npx cang sample remove` deletes. */
function isSample(row: unknown): boolean {
  return typeof row === 'object' && row !== null && (row as { sample?: unknown }).sample === true;
}

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * The console's one table: sortable headers, a search box that ignores diacritics, pages, and an
 * export of the filtered, sorted rows to .xlsx (the writer is loaded on click).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const searchId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: props.pageSize ?? 25 });
  const [exporting, setExporting] = useState(false);
  const columns = props.columns;

  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((column, index) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: T) => column.value(row) ?? '',
        cell: (info) => {
          const row = info.row.original;
          const value = column.value(row);
          const shown = column.cell
            ? column.cell(row)
            : typeof value === 'number'
              ? formatNumber(value)
              : value;
          // The first cell of a sample row says so, whatever the screen.
          if (index > 0 || !isSample(row)) return shown;
          return (
            <>
              {shown}
              <span className="badge sample" title={t('sample.badgeTitle')}>
                {t('sample.badge')}
              </span>
            </>
          );
        },
        sortUndefined: 'last',
      })),
    [columns, t],
  );
  const data = useMemo(() => [...props.rows], [props.rows]);
  const table = useReactTable({
    data,
    columns: defs,
    state: { sorting, globalFilter: query, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    onGlobalFilterChange: setQuery,
    getColumnCanGlobalFilter: () => true,
    globalFilterFn: (row, _columnId, filter: string) =>
      matchesQuery(columns.map((c) => String(c.value(row.original) ?? '')).join(' '), filter),
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: true,
  });

  const exportRows = async () => {
    setExporting(true);
    try {
      const { exportXlsx } = await import('../lib/export-xlsx');
      const rows = table
        .getPrePaginationRowModel()
        .rows.map((row) => columns.map((c) => c.value(row.original)));
      await exportXlsx(
        props.exportName ?? props.caption,
        columns.map((c) => c.header),
        rows,
      );
    } finally {
      setExporting(false);
    }
  };

  const filtered = table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  if (props.rows.length === 0 && props.clearFilters) return <NoMatch onClear={props.clearFilters} />;
  if (props.rows.length === 0 && props.empty) return <EmptyState {...props.empty} />;
  return (
    <div className="data-table">
      <div className="table-toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{t('table.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('table.searchHint')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <span className="muted" aria-live="polite">
          {t('table.count', { count: filtered, formatted: formatNumber(filtered) })}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={exportRows}
          disabled={exporting || filtered === 0}
        >
          {exporting ? t('table.exporting') : t('table.export')}
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = columns.find((c) => c.id === header.column.id)?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? 'num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={header.column.getToggleSortingHandler()}
                        title={t('table.sort')}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => {
              const detail = props.detail?.(row.original) ?? null;
              const key = props.rowKey(row.original);
              return (
                <Fragment key={key}>
                  <tr className={detail === null ? undefined : 'expanded'}>
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={columns.find((c) => c.id === cell.column.id)?.numeric ? 'num' : undefined}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                  {detail !== null && (
                    <tr className="row-detail" id={`detail-${key}`}>
                      <td colSpan={columns.length}>{detail}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {filtered === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {query === '' ? (
                    t('table.empty')
                  ) : (
                    <>
                      {t('empty.noMatch')}{' '}
                      <button type="button" className="secondary small" onClick={() => setQuery('')}>
                        {t('common.clear')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {(pageCount > 1 || filtered > PAGE_SIZES[0]!) && (
        <nav className="pager" aria-label={t('table.pages')}>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t('table.previous')}
          </button>
          <span>
            {t('table.page', {
              page: formatNumber(pagination.pageIndex + 1),
              pages: formatNumber(pageCount),
            })}
          </span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t('table.next')}
          </button>
          <label>
            {t('table.pageSize')}{' '}
            <select value={pagination.pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        </nav>
      )}
    </div>
  );
}
