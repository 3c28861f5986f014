import { Button } from 'antd';
import { useId, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardColumn } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import { classLabel } from '../../lib/class-labels';
import { EMPTY_BOARD_FILTER, hasBoardFilter, type BoardFilter } from './board-filter';
import { FilterSelect, type FilterOption } from './filter-select';
import { SavedViews } from './saved-views';
import { useBoardColumns, useBoardFacets } from './use-board-data';
import { SearchSelect } from '../../components/search-select';

/** The dimensions in the picker, grouped by what they describe. */
const DIMENSION_GROUPS: readonly { group: 'area' | 'profile' | 'classes' | 'team'; dimensions: readonly BoardDimension[] }[] = [
  { group: 'classes', dimensions: ['lifecycle', 'segment', 'tier', 'matrix', 'churn', 'priority'] },
  { group: 'area', dimensions: ['continent', 'region', 'country'] },
  { group: 'profile', dimensions: ['industry', 'businessType', 'scale'] },
  { group: 'team', dimensions: ['owner', 'tag'] },
];

const NO_FILTER = {};

function classOptions(
  t: TFunction,
  lang: string,
  dimension: BoardDimension,
  columns: readonly BoardColumn[] | undefined,
): FilterOption[] | undefined {
  return columns?.map((c) => ({ key: c.key, text: classLabel(t, lang, dimension, c.key, c.name), count: c.count }));
}

function facetOptions(
  t: TFunction,
  lang: string,
  dimension: BoardDimension,
  counts: Record<string, number> | undefined,
): FilterOption[] | undefined {
  return counts && Object.entries(counts).map(([key, count]) => ({ key, text: classLabel(t, lang, dimension, key), count }));
}

interface Props {
  dimension: BoardDimension;
  onDimensionChange: (dimension: BoardDimension) => void;
  filter: BoardFilter;
  onFilterChange: (filter: BoardFilter) => void;
  /** The board has shown its columns: load the filter choices now (the engine answers one read at a time). */
  loadChoices: boolean;
}

/** Group-by picker, the filters that apply to every column, and saved views. */
export function BoardToolbar({ dimension, onDimensionChange, filter, onFilterChange, loadChoices }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dimensionId = useId();
  // Filter choices: areas and tags as the board itself groups them (all active customers), names from the engine.
  const continents = useBoardColumns('continent', NO_FILTER, loadChoices);
  const regions = useBoardColumns('region', NO_FILTER, loadChoices);
  const tags = useBoardColumns('tag', NO_FILTER, loadChoices);
  const facets = useBoardFacets(loadChoices);

  const continentOptions = useMemo(() => classOptions(t, lang, 'continent', continents.data?.columns), [t, lang, continents.data]);
  const regionOptions = useMemo(() => classOptions(t, lang, 'region', regions.data?.columns), [t, lang, regions.data]);
  const tagOptions = useMemo(
    () =>
      classOptions(
        t,
        lang,
        'tag',
        tags.data?.columns.filter((c) => c.key !== ''),
      ),
    [t, lang, tags.data],
  );
  const industryOptions = useMemo(() => facetOptions(t, lang, 'industry', facets.data?.industries), [t, lang, facets.data]);
  const ownerOptions = useMemo(() => facetOptions(t, lang, 'owner', facets.data?.owners), [t, lang, facets.data]);

  const one = (list: readonly string[]) => (list.length ? (list[0] ?? '') : null);
  const setList = (key: 'continents' | 'regions' | 'industries' | 'owners') => (value: string | null) =>
    onFilterChange({ ...filter, [key]: value === null ? [] : [value] });

  return (
    <div className="toolbar board-toolbar">
      <div className="toolbar-field board-dimension">
        <label htmlFor={dimensionId}>{t('boards.dimension')}</label>
        <SearchSelect
          id={dimensionId}
          value={dimension}
          options={DIMENSION_GROUPS.map(({ group, dimensions }) => ({
            label: t(`boards.dimensionGroups.${group}`),
            options: dimensions.map((d) => ({ value: d, label: t(`enums.dimension.${d}`) })),
          }))}
          onChange={(v) => onDimensionChange(v as BoardDimension)}
        />
      </div>
      <FilterSelect
        label={t('boards.filters.continent')}
        allLabel={t('boards.filters.allContinents')}
        options={continentOptions}
        value={one(filter.continents)}
        onChange={setList('continents')}
        keepOrder
      />
      <FilterSelect
        label={t('boards.filters.region')}
        allLabel={t('boards.filters.allRegions')}
        options={regionOptions}
        value={one(filter.regions)}
        onChange={setList('regions')}
      />
      <FilterSelect
        label={t('boards.filters.industry')}
        allLabel={t('boards.filters.allIndustries')}
        options={industryOptions}
        value={one(filter.industries)}
        onChange={setList('industries')}
      />
      <FilterSelect
        label={t('boards.filters.owner')}
        allLabel={t('boards.filters.allOwners')}
        options={ownerOptions}
        value={one(filter.owners)}
        onChange={setList('owners')}
      />
      <FilterSelect
        label={t('boards.filters.tag')}
        allLabel={t('boards.filters.allTags')}
        options={tagOptions}
        value={filter.tag === '' ? null : filter.tag}
        onChange={(v) => onFilterChange({ ...filter, tag: v ?? '' })}
      />
      {hasBoardFilter(filter) ? <Button onClick={() => onFilterChange(EMPTY_BOARD_FILTER)}>{t('boards.filters.clear')}</Button> : null}
      <SavedViews
        dimension={dimension}
        filter={filter}
        onOpen={(d, f) => {
          onDimensionChange(d);
          onFilterChange(f);
        }}
      />
    </div>
  );
}
