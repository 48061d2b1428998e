import { SearchOutlined } from '@ant-design/icons';
import { endpoints, type SearchHit, type SearchKind } from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Input, type InputRef, Spin, Tag, Typography, theme } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { currentLocale } from '../../app/i18n';
import { useDebouncedValue } from '../../app/use-debounced-value';

/** Where a hit opens: its record's page (a contact's is its customer's contacts tab). */
const hitPath: Record<SearchKind, (hit: SearchHit) => string | null> = {
  customer: (hit) => `/customers/${encodeURIComponent(hit.id)}`,
  contact: (hit) => (hit.customerId ? `/customers/${encodeURIComponent(hit.customerId)}?tab=contacts` : null),
  opportunity: (hit) => `/opportunities/${encodeURIComponent(hit.id)}`,
  shipment: (hit) => `/shipments/${encodeURIComponent(hit.id)}`,
};

/** The lists that take the term in their address, for "see all" when a kind has more than the search shows. */
const listPath: Partial<Record<SearchKind, (q: string) => string>> = {
  customer: (q) => `/customers?q=${encodeURIComponent(q)}`,
  shipment: (q) => `/shipments?q=${encodeURIComponent(q)}`,
};

/** Typing in a field: "/" is a character there, not the search shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

type Option = { key: string; path: string };

/**
 * The header's search over customers, contacts, opportunities and shipments (B/L, container number): Ctrl+K (⌘K)
 * or "/" focuses it, arrow keys choose a record, Enter opens it, Esc closes.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const term = useDebouncedValue(text.trim(), 200);

  const result = useQuery({
    queryKey: ['global-search', term, currentLocale()],
    queryFn: ({ signal }) => call(endpoints.search.search, { query: { q: term, limit: 5 }, signal }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const groups = useMemo(
    () => (term ? (result.data?.groups ?? []).filter((g) => g.items.length > 0) : []),
    [result.data, term],
  );

  const options = useMemo(() => {
    const list: Option[] = [];
    for (const group of groups) {
      for (const hit of group.items) {
        const path = hitPath[group.kind](hit);
        if (path) list.push({ key: `${hit.kind}:${hit.id}`, path });
      }
      const more = group.more ? listPath[group.kind] : undefined;
      if (more) list.push({ key: `more:${group.kind}`, path: more(term) });
    }
    return list;
  }, [groups, term]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer starts the choice at its first record
  useEffect(() => setActive(0), [result.data]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const shortcut =
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') ||
        (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target));
      if (!shortcut) return;
      event.preventDefault();
      input.current?.focus({ cursor: 'all' });
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => {
    setOpen(false);
    input.current?.blur();
  };
  const go = (option: Option | undefined) => {
    if (!option) return;
    navigate(option.path);
    setText('');
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (text) setText('');
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length) % options.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      go(options[Math.min(active, options.length - 1)]);
    }
  };

  const activeKey = options[active]?.key;
  const hover = (key: string) => setActive(options.findIndex((o) => o.key === key));
  const openKey = (key: string) => go(options.find((o) => o.key === key));
  const showPanel = open && text.trim().length > 0;
  const settled = term === text.trim() && !result.isFetching;

  return (
    <div style={{ position: 'relative', width: 420, maxWidth: '40vw', lineHeight: 'normal' }}>
      <Input
        ref={input}
        value={text}
        allowClear
        prefix={<SearchOutlined />}
        suffix={
          text ? null : (
            <Typography.Text type="secondary" keyboard style={{ fontSize: 12 }}>
              {t('globalSearch.hint')}
            </Typography.Text>
          )
        }
        placeholder={t('globalSearch.placeholder')}
        aria-label={t('globalSearch.label')}
        role="combobox"
        aria-expanded={showPanel}
        aria-controls="global-search-results"
        aria-activedescendant={showPanel && activeKey ? `global-search-${activeKey}` : undefined}
        data-testid="global-search"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div
          id="global-search-results"
          role="listbox"
          data-testid="global-search-results"
          // Clicking a result must not blur the box before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          style={{
            position: 'absolute',
            top: '100%',
            left: 0,
            right: 0,
            marginTop: 4,
            maxHeight: '70vh',
            overflowY: 'auto',
            background: token.colorBgElevated,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowSecondary,
            padding: 4,
            zIndex: 1050,
          }}
        >
          {groups.length === 0 ? (
            settled ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('globalSearch.empty', { term: text.trim() })}
                data-testid="global-search-empty"
              />
            ) : (
              <div style={{ padding: 16, textAlign: 'center' }}>
                <Spin size="small" /> <Typography.Text type="secondary">{t('globalSearch.searching')}</Typography.Text>
              </div>
            )
          ) : (
            groups.map((group) => (
              <div key={group.kind} data-testid={`global-search-group-${group.kind}`}>
                <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 12px 2px', fontSize: 12 }}>
                  {t(`globalSearch.kinds.${group.kind}`)}
                </Typography.Text>
                {group.items.map((hit) => (
                  <ResultOption
                    key={`${hit.kind}:${hit.id}`}
                    optionKey={`${hit.kind}:${hit.id}`}
                    selected={activeKey === `${hit.kind}:${hit.id}`}
                    onHover={hover}
                    onOpen={openKey}
                  >
                    <Typography.Text
                      strong={activeKey === `${hit.kind}:${hit.id}`}
                      ellipsis
                      style={{ display: 'block' }}
                    >
                      {hit.title}
                    </Typography.Text>
                    {hit.subtitle && (
                      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                        {hit.subtitle}
                      </Typography.Text>
                    )}
                  </ResultOption>
                ))}
                {options.some((o) => o.key === `more:${group.kind}`) && (
                  <ResultOption
                    optionKey={`more:${group.kind}`}
                    selected={activeKey === `more:${group.kind}`}
                    onHover={hover}
                    onOpen={openKey}
                    testId={`global-search-more-${group.kind}`}
                  >
                    <Tag bordered={false} color="blue">
                      {t('globalSearch.more')}
                    </Tag>
                  </ResultOption>
                )}
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}

/** One row of the results: chosen with the arrow keys from the box (it keeps the focus), opened by click or Enter. */
function ResultOption(props: {
  optionKey: string;
  selected: boolean;
  onHover: (key: string) => void;
  onOpen: (key: string) => void;
  testId?: string;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const { optionKey, selected, onHover, onOpen } = props;
  return (
    <div
      id={`global-search-${optionKey}`}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      data-testid={props.testId ?? 'global-search-option'}
      onMouseEnter={() => onHover(optionKey)}
      onClick={() => onOpen(optionKey)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(optionKey);
      }}
      style={{
        padding: '6px 12px',
        borderRadius: token.borderRadius,
        cursor: 'pointer',
        background: selected ? token.controlItemBgActive : undefined,
      }}
    >
      {props.children}
    </div>
  );
}
