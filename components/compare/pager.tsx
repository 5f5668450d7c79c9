"use client";

/** Previous / next page of the ranking, and where the person is in it. */
export function Pager({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (page: number) => void }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages du classement">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(1)}>
        Première page
      </button>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Page précédente
      </button>
      <span aria-current="page">
        Page {page} sur {pageCount}
      </span>
      <button type="button" className="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Page suivante
      </button>
    </nav>
  );
}
