import type { FigureDimension, FigureLabel } from '@smes/shared';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Reusable breakdowns, written once. Each names the record column it needs (a figure whose
 * records query does not select it cannot declare the dimension) and groups the figure's records
 * (`r`) by it, with the figure's own aggregate. Rows come with FR and NL labels; the SPA sorts.
 */
export interface Dimension {
  key: FigureDimension;
  needs: 'organisationId' | 'language' | 'date';
  query(records: SQLWrapper, aggregate: SQL): SQL;
  /** The records `r` in one row of the breakdown (its `key`). */
  where(key: string): SQL;
}

/** An institution in two sectors counts in each: the join yields its records once per sector. */
const sector: Dimension = {
  key: 'sector',
  needs: 'organisationId',
  query: (records, aggregate) => sql`
    select s.id::text as key, s.label_fr as fr, s.label_nl as nl, ${aggregate} as value
    from (${records}) as r
    join organisation_sectors os on os.organisation_id = r."organisationId"
    join reference_items s on s.id = os.sector_id and s.kind = 'sector'
    group by s.id, s.label_fr, s.label_nl`,
  where: (key) => sql`r."organisationId" in (
    select os.organisation_id from organisation_sectors os where os.sector_id::text = ${key})`,
};

const commune: Dimension = {
  key: 'commune',
  needs: 'organisationId',
  query: (records, aggregate) => sql`
    select c.id::text as key, c.label_fr as fr, c.label_nl as nl, ${aggregate} as value
    from (${records}) as r
    join organisations o on o.id = r."organisationId"
    join reference_items c on c.id = o.commune_id and c.kind = 'commune'
    group by c.id, c.label_fr, c.label_nl`,
  where: (key) =>
    sql`r."organisationId" in (select o.id from organisations o where o.commune_id::text = ${key})`,
};

const LANGUAGES: Record<string, FigureLabel> = {
  fr: { fr: 'Français', nl: 'Frans' },
  nl: { fr: 'Néerlandais', nl: 'Nederlands' },
};

const language: Dimension = {
  key: 'language',
  needs: 'language',
  query: (records, aggregate) => sql`
    select r."language"::text as key,
      case r."language" when 'fr' then ${LANGUAGES.fr!.fr} when 'nl' then ${LANGUAGES.nl!.fr} else r."language" end as fr,
      case r."language" when 'fr' then ${LANGUAGES.fr!.nl} when 'nl' then ${LANGUAGES.nl!.nl} else r."language" end as nl,
      ${aggregate} as value
    from (${records}) as r
    where r."language" is not null
    group by r."language"`,
  where: (key) => sql`r."language"::text = ${key}`,
};

/** Calendar years of the records' days: a period of several years, counted per year. */
const year: Dimension = {
  key: 'year',
  needs: 'date',
  query: (records, aggregate) => sql`
    select y.key, y.key as fr, y.key as nl, ${aggregate} as value
    from (${records}) as r
    cross join lateral (select extract(year from r."date")::int::text as key) as y
    where r."date" is not null
    group by y.key`,
  where: (key) => sql`extract(year from r."date")::int::text = ${key}`,
};

export const DIMENSIONS: Record<FigureDimension, Dimension> = { sector, commune, language, year };
