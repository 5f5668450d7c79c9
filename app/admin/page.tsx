import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_LABELS } from "@/components/admin/labels";
import { requireAdmin } from "@/lib/auth/session";
import { listInsurers, listOffers, type OfferListFilters } from "@/lib/catalogue/admin";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { NETWORK_LABELS, NETWORKS, type NetworkName } from "@/lib/schemas/care-category";

export const metadata: Metadata = { title: "Offres" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** URL parameters (French, bookmarkable) → list filters; unknown values are ignored. */
function filtersOf(params: SearchParams): OfferListFilters {
  const status = one(params.statut);
  const level = Number(one(params.niveau));
  const network = one(params.reseau);
  return {
    q: one(params.q) || undefined,
    insurerId: one(params.assureur) || undefined,
    status: status === "DRAFT" || status === "PUBLISHED" || status === "ARCHIVED" ? status : undefined,
    level: Number.isInteger(level) && level >= 1 && level <= 5 ? level : undefined,
    network: network === "none" || NETWORKS.includes(network as NetworkName) ? (network as NetworkName | "none") : undefined,
    page: Number(one(params.page)) || 1,
  };
}

export default async function AdminOffersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireAdmin();
  const params = await searchParams;
  const filters = filtersOf(params);
  const [list, insurers] = await Promise.all([listOffers(db(), user, filters), listInsurers(db(), user)]);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    for (const key of ["q", "assureur", "statut", "niveau", "reseau"]) if (one(params[key])) query.set(key, one(params[key]));
    query.set("page", String(page));
    return `/admin?${query.toString()}`;
  };
  return (
    <>
      <h1>Offres du catalogue</h1>
      <form className="card admin-filters" method="get" action="/admin" role="search">
        <div className="field">
          <label htmlFor="q">Rechercher</label>
          <input id="q" name="q" defaultValue={filters.q ?? ""} placeholder="Identifiant, formule ou assureur" />
        </div>
        <div className="field">
          <label htmlFor="assureur">Assureur</label>
          <select id="assureur" name="assureur" defaultValue={filters.insurerId ?? ""}>
            <option value="">Tous</option>
            {insurers.map((insurer) => (
              <option key={insurer.id} value={insurer.id}>
                {insurer.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="statut">Statut</label>
          <select id="statut" name="statut" defaultValue={filters.status ?? ""}>
            <option value="">Tous</option>
            {(["DRAFT", "PUBLISHED", "ARCHIVED"] as const).map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="niveau">Niveau</label>
          <select id="niveau" name="niveau" defaultValue={filters.level ? String(filters.level) : ""}>
            <option value="">Tous</option>
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>
                Niveau {level}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reseau">Réseau</label>
          <select id="reseau" name="reseau" defaultValue={filters.network ?? ""}>
            <option value="">Tous</option>
            <option value="none">Sans réseau</option>
            {NETWORKS.map((network) => (
              <option key={network} value={network}>
                {NETWORK_LABELS[network]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          Filtrer
        </button>
      </form>

      <p data-testid="offer-count">
        {formatCount(list.total, "offre")} · page {list.page} sur {list.pageCount}
      </p>
      <div className="table-scroll">
        <table className="offers-table">
          <caption className="visually-hidden">Offres correspondant aux filtres</caption>
          <thead>
            <tr>
              <th scope="col">Offre</th>
              <th scope="col">Assureur</th>
              <th scope="col">Niveau</th>
              <th scope="col">Réseau</th>
              <th scope="col">Statut</th>
              <th scope="col" className="num">Version</th>
              <th scope="col">Modifiée le</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id} data-testid="admin-offer-row">
                <th scope="row">
                  <Link href={`/admin/offres/${encodeURIComponent(item.id)}`}>{item.formula}</Link>
                  <div className="hint">
                    <code>{item.id}</code>
                    {!item.responsable && " · non responsable"}
                  </div>
                </th>
                <td>{item.insurerName}</td>
                <td>{item.level}</td>
                <td>{item.network ? NETWORK_LABELS[item.network] : "—"}</td>
                <td>{STATUS_LABELS[item.status]}</td>
                <td className="num">{item.version}</td>
                <td>{new Date(item.updatedAt).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.items.length === 0 && <p className="muted">Aucune offre ne correspond à ces filtres.</p>}
      <nav className="pagination" aria-label="Pages">
        {list.page > 1 ? <Link href={pageHref(list.page - 1)}>← Page précédente</Link> : <span />}
        {list.page < list.pageCount && <Link href={pageHref(list.page + 1)}>Page suivante →</Link>}
      </nav>
    </>
  );
}
