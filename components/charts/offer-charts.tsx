"use client";

import { Bar, BarChart, CartesianGrid, Label, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData, ChartPoint, OfferResult } from "@/lib/compare/types";
import { formatCount, formatEuros, toCents } from "@/lib/format";
import { evenTicks, offerName, scatterRows } from "./chart-data";

const BAR_OFFERS = 12;
const COLOURS = { secu: "#5b8def", mutuelle: "#2e9d6a", rac: "#c2410c", frontier: "#0b5cad", beaten: "#9aa4ae" };
// Tooltip lines default to their series colour, too pale to read on white (WCAG contrast).
const TOOLTIP_TEXT = { color: "#1b1f24" };
const euros = (cents: number) => formatEuros((cents / 100).toFixed(2));
const wholeEuros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const axisEuros = (cents: number) => wholeEuros.format(cents / 100);
const FRONTIER_NAME = "Offres qu’aucune autre ne bat à la fois sur le prix et sur le reste à charge";
const BEATEN_NAME = "Offres battues : une autre coûte moins cher et laisse moins à payer";
const MAX_LABEL = 22;

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** A bar's name on two lines, insurer then formula: both are needed to tell offers apart. */
function OfferTick({ x, y, payload, bars }: { x?: number; y?: number; payload?: { value: string }; bars: { id: string; insurer: string; formula: string }[] }) {
  const bar = bars.find((candidate) => candidate.id === payload?.value);
  if (!bar) return null;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#1b1f24">
      <tspan x={x} dy="-0.2em">
        {shorten(bar.insurer)}
      </tspan>
      <tspan x={x} dy="1.1em" fill="#57606a">
        {shorten(bar.formula)}
      </tspan>
    </text>
  );
}

/**
 * The bars: the first offers of the page shown. The scatter: what the server sends of the
 * filtered ranking (every offer no other beats, a regular sample of the beaten ones), and
 * its table lists exactly the points drawn.
 */
export function OfferCharts({ pageOffers, chart }: { pageOffers: readonly OfferResult[]; chart: ChartData }) {
  if (pageOffers.length === 0) return null;
  const barOffers = pageOffers.slice(0, BAR_OFFERS);
  const bars = barOffers.map((offer) => ({
    id: offer.offerId,
    insurer: offer.insurer,
    formula: offer.formula,
    label: offerName(offer),
    secu: toCents(offer.scenario.secu),
    mutuelle: toCents(offer.scenario.mutuelle),
    rac: toCents(offer.scenario.rac),
  }));
  const point = (entry: ChartPoint) => ({ premium: entry.premiumCents, rac: entry.racCents, label: entry.label });
  const drawn = [...chart.frontier, ...chart.beatenSample];
  const rows = scatterRows(chart);
  const barTicks = evenTicks(Math.max(...bars.map((bar) => bar.secu + bar.mutuelle + bar.rac)), 4);
  const premiumTicks = evenTicks(Math.max(...drawn.map((entry) => entry.premiumCents)), 4);
  const racTicks = evenTicks(Math.max(...drawn.map((entry) => entry.racCents)), 4);
  const frontierCount = chart.frontier.length + chart.frontierOmitted;
  const sampled = chart.beatenSample.length < chart.beatenCount || chart.frontierOmitted > 0;

  return (
    <div className="charts">
      <figure className="card">
        <figcaption>
          Qui paie vos soins de l’année ? Sécurité sociale, mutuelle et reste à charge pour les {bars.length} premières offres
        </figcaption>
        <ResponsiveContainer width="100%" height={bars.length * 44 + 90}>
          <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" ticks={barTicks} domain={[0, barTicks.at(-1)!]} interval={0} tickFormatter={axisEuros} tick={{ fontSize: 12 }}>
              <Label value="Montant de l’année saisie (€)" position="insideBottom" offset={-16} fontSize={12} />
            </XAxis>
            <YAxis type="category" dataKey="id" width={160} interval={0} tick={<OfferTick bars={bars} />} />
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
        <details className="chart-data">
          <summary>Voir ces chiffres en tableau</summary>
          <div className="table-scroll">
            <table className="offers-table chart-table">
              <caption className="visually-hidden">Qui paie les soins de l’année saisie, offre par offre</caption>
              <thead>
                <tr>
                  <th scope="col">Offre</th>
                  <th scope="col" className="num">Sécurité sociale</th>
                  <th scope="col" className="num">Mutuelle</th>
                  <th scope="col" className="num">Reste à charge</th>
                </tr>
              </thead>
              <tbody>
                {barOffers.map((offer) => (
                  <tr key={offer.offerId}>
                    <th scope="row">{offerName(offer)}</th>
                    <td className="num" data-label="Sécurité sociale">{formatEuros(offer.scenario.secu)}</td>
                    <td className="num" data-label="Mutuelle">{formatEuros(offer.scenario.mutuelle)}</td>
                    <td className="num" data-label="Reste à charge">{formatEuros(offer.scenario.rac)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>

      <figure className="card">
        <figcaption>
          Cotisation annuelle et reste à charge attendu. Les offres reliées en bleu sont celles qu’aucune autre ne bat à la fois
          sur le prix et sur le reste à charge : c’est parmi elles qu’il faut choisir. Les offres grises sont battues.
          {sampled &&
            ` Sur ${formatCount(frontierCount + chart.beatenCount, "offre")}, le graphique en montre ${drawn.length} : ${chart.frontier.length} des ${frontierCount} qu’aucune autre ne bat et ${chart.beatenSample.length} des ${chart.beatenCount} battues, choisies à intervalles réguliers de cotisation.`}
        </figcaption>
        <ResponsiveContainer width="100%" height={360}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="premium"
              name="Cotisation annuelle"
              ticks={premiumTicks}
              domain={[0, premiumTicks.at(-1)!]}
              interval={0}
              tickFormatter={axisEuros}
              tick={{ fontSize: 12 }}
            >
              <Label value="Cotisation annuelle (€)" position="insideBottom" offset={-20} fontSize={12} />
            </XAxis>
            <YAxis
              type="number"
              dataKey="rac"
              name="Reste à charge attendu"
              ticks={racTicks}
              domain={[0, racTicks.at(-1)!]}
              interval={0}
              tickFormatter={axisEuros}
              tick={{ fontSize: 12 }}
              width={72}
            >
              <Label value="Reste à charge attendu (€)" angle={-90} position="insideLeft" offset={-8} fontSize={12} style={{ textAnchor: "middle" }} />
            </YAxis>
            <Tooltip
              formatter={(value) => euros(Number(value))}
              labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ""}
              itemStyle={TOOLTIP_TEXT}
            />
            <Legend verticalAlign="top" />
            <Scatter name={BEATEN_NAME} data={chart.beatenSample.map(point)} fill={COLOURS.beaten} />
            <Scatter name={FRONTIER_NAME} data={chart.frontier.map(point)} line={{ stroke: COLOURS.frontier, strokeWidth: 2 }} fill={COLOURS.frontier} shape="diamond" />
          </ScatterChart>
        </ResponsiveContainer>
        <details className="chart-data">
          <summary>Voir ces chiffres en tableau</summary>
          <div className="table-scroll">
            <table className="offers-table chart-table">
              <caption className="visually-hidden">Cotisation annuelle et reste à charge attendu de chaque offre du graphique, par cotisation croissante</caption>
              <thead>
                <tr>
                  <th scope="col">Offre</th>
                  <th scope="col" className="num">Cotisation annuelle</th>
                  <th scope="col" className="num">Reste à charge attendu</th>
                  <th scope="col">Battue par une autre ?</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.offerId}>
                    <th scope="row">{row.label}</th>
                    <td className="num" data-label="Cotisation annuelle">{euros(row.premiumCents)}</td>
                    <td className="num" data-label="Reste à charge attendu">{euros(row.racCents)}</td>
                    <td data-label="Battue par une autre ?">{row.beaten ? "Oui" : "Non"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </div>
  );
}
