"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { OfferResult } from "@/lib/compare/types";
import { formatEuros, toCents } from "@/lib/format";

const BAR_OFFERS = 12;
const COLOURS = { secu: "#5b8def", mutuelle: "#2e9d6a", rac: "#c2410c", frontier: "#1b1f24", offer: "#0b5cad", dominated: "#9aa4ae" };
// Tooltip lines default to their series colour, too pale to read on white (WCAG contrast).
const TOOLTIP_TEXT = { color: "#1b1f24" };
const euros = (cents: number) => formatEuros((cents / 100).toFixed(2));

/**
 * The offers that no other offer beats on both premium and expected reste à charge,
 * by increasing premium: the line a person should choose on.
 */
export function efficientFrontier(offers: readonly OfferResult[]): OfferResult[] {
  const byPremium = [...offers].sort(
    (a, b) => toCents(a.annualPremium) - toCents(b.annualPremium) || toCents(a.expectedRac) - toCents(b.expectedRac),
  );
  const frontier: OfferResult[] = [];
  for (const offer of byPremium) {
    const last = frontier.at(-1);
    if (!last || toCents(offer.expectedRac) < toCents(last.expectedRac)) frontier.push(offer);
  }
  return frontier;
}

export function OfferCharts({ offers }: { offers: readonly OfferResult[] }) {
  if (offers.length === 0) return null;
  const bars = offers.slice(0, BAR_OFFERS).map((offer) => ({
    name: offer.formula,
    label: `${offer.insurer} — ${offer.formula}`,
    secu: toCents(offer.scenario.secu),
    mutuelle: toCents(offer.scenario.mutuelle),
    rac: toCents(offer.scenario.rac),
  }));
  const point = (offer: OfferResult) => ({
    premium: toCents(offer.annualPremium),
    rac: toCents(offer.expectedRac),
    label: `${offer.insurer} — ${offer.formula}`,
  });
  const frontier = efficientFrontier(offers);

  return (
    <div className="charts">
      <figure className="card">
        <figcaption>
          Qui paie vos soins de l’année ? Sécurité sociale, mutuelle et reste à charge pour les {bars.length} premières offres
        </figcaption>
        <ResponsiveContainer width="100%" height={340}>
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 60, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" angle={-35} textAnchor="end" interval={0} height={70} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(value: number) => euros(value)} width={90} />
            <Tooltip
              formatter={(value) => euros(Number(value))}
              labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ""}
              itemStyle={TOOLTIP_TEXT}
            />
            <Legend verticalAlign="top" />
            <Bar dataKey="secu" name="Sécurité sociale" stackId="split" fill={COLOURS.secu} />
            <Bar dataKey="mutuelle" name="Mutuelle" stackId="split" fill={COLOURS.mutuelle} />
            <Bar dataKey="rac" name="Reste à charge" stackId="split" fill={COLOURS.rac} />
          </BarChart>
        </ResponsiveContainer>
      </figure>

      <figure className="card">
        <figcaption>
          Cotisation annuelle et reste à charge attendu : les offres sur la ligne noire ne sont battues par aucune autre ; les
          offres grises sont dominées (une autre est moins chère et laisse moins à payer).
        </figcaption>
        <ResponsiveContainer width="100%" height={340}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="premium" name="Cotisation annuelle" tickFormatter={(value: number) => euros(value)} />
            <YAxis type="number" dataKey="rac" name="Reste à charge attendu" tickFormatter={(value: number) => euros(value)} width={90} />
            <Tooltip
              formatter={(value) => euros(Number(value))}
              labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ""}
              itemStyle={TOOLTIP_TEXT}
            />
            <Legend verticalAlign="top" />
            <Scatter
              name="Offres non dominées"
              data={offers.filter((offer) => !offer.dominatedBy).map(point)}
              fill={COLOURS.offer}
            />
            <Scatter name="Offres dominées" data={offers.filter((offer) => offer.dominatedBy).map(point)} fill={COLOURS.dominated} />
            <Scatter
              name="Frontière efficace"
              data={frontier.map(point)}
              line={{ stroke: COLOURS.frontier, strokeWidth: 2 }}
              fill={COLOURS.frontier}
              shape="diamond"
              legendType="line"
            />
          </ScatterChart>
        </ResponsiveContainer>
        <p className="visually-hidden">
          Offres de la frontière efficace : {frontier.map((offer) => `${offer.insurer} — ${offer.formula}`).join(", ")}.
        </p>
      </figure>
    </div>
  );
}
