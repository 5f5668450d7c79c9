"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { compareAction } from "@/app/(public)/comparer/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { ActionResult } from "@/lib/actions/result";
import { DEFAULT_FILTERS, resultsQuery, type ResultFilters } from "@/lib/compare/result-filters";
import type { ComparisonResult } from "@/lib/compare/types";
import { suggestProfileName } from "@/lib/profiles/suggest-name";
import type { Profile, ProfileInput } from "@/lib/schemas/profile";
import { draftFromProfile, type ProfileDraft } from "./profile-draft";
import { ProfileForm } from "./profile-form";
import { Results } from "./results";

type State = ActionResult<ComparisonResult> | null;

/** Who is covered and how many care lines, for the collapsed form. */
function describeDraft(draft: ProfileDraft): string {
  const people = draft.beneficiaries.map((beneficiary) => beneficiary.label).join(", ");
  const lines = draft.beneficiaries.reduce((sum, beneficiary) => sum + beneficiary.care.length, 0);
  return `Profil : ${people} — ${lines} soin${lines > 1 ? "s" : ""} prévu${lines > 1 ? "s" : ""}.`;
}

export function Comparison({
  initialProfile,
  initialResult,
  initialFilters = DEFAULT_FILTERS,
  signedIn = false,
}: {
  initialProfile: ProfileInput;
  initialResult: ComparisonResult | null;
  /** The sort and filters of the page's URL. */
  initialFilters?: ResultFilters;
  /** Only chooses what the save control shows; the save action checks the session itself. */
  signedIn?: boolean;
}) {
  const [draft, setDraft] = useState(() => draftFromProfile(initialProfile));
  // Here rather than in Results: they outlive a new ranking, and go in the URL with its profile.
  const [filters, setFilters] = useState(initialFilters);
  // The profile of the ranking on screen (the draft may be edited since): names a saved profile.
  const [rankedProfile, setRankedProfile] = useState<ProfileInput>(initialProfile);
  // A shared link opens on its ranking; the form is mounted only when asked for.
  const [editing, setEditing] = useState(initialResult === null);
  const [state, submit, pending] = useActionState<State, Profile>(
    (_previous, profile) => reachServer(() => compareAction({ profile, sort: "total" })),
    initialResult ? { ok: true, data: initialResult } : null,
  );
  const router = useRouter();
  const resultsRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef(false);
  const filtersRef = useRef(filters);

  useEffect(() => {
    if (!state?.ok) return;
    if (!submittedRef.current) return;
    resultsRef.current?.focus();
    // The profile lives in the URL: the page can be bookmarked, shared, or come back to
    // with the browser's back button (through the router, so its history knows the page).
    router.replace(`/comparer?${resultsQuery(state.data.encodedProfile, filtersRef.current)}`, { scroll: false });
  }, [state, router]);

  const changeFilters = (next: ResultFilters) => {
    filtersRef.current = next;
    setFilters(next);
    // A reload or a shared link shows the same view. history.replaceState keeps Next's
    // router in step without asking the server for the page again.
    if (state?.ok) window.history.replaceState(null, "", `/comparer?${resultsQuery(state.data.encodedProfile, next)}`);
  };

  return (
    <div className="comparison">
      {editing ? (
        <ProfileForm
          draft={draft}
          onDraftChange={setDraft}
          pending={pending}
          serverErrors={state && !state.ok ? state.fieldErrors : undefined}
          onSubmit={(profile) => {
            submittedRef.current = true;
            setRankedProfile(profile);
            startTransition(() => submit(profile));
          }}
        />
      ) : (
        <p className="card profile-summary">
          {describeDraft(draft)}{" "}
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Modifier le profil de soins
          </button>
        </p>
      )}
      {state && !state.ok && !state.fieldErrors && (
        <p className="form-errors" role="alert">
          {state.message}
        </p>
      )}
      <div ref={resultsRef} tabIndex={-1} className="results-anchor" aria-busy={pending}>
        {pending && (
          <p className="pending" role="status">
            Calcul du reste à charge pour chaque offre…
          </p>
        )}
        {state?.ok && (
          <Results
            key={state.data.encodedProfile}
            result={state.data}
            filters={filters}
            onFiltersChange={changeFilters}
            suggestedName={suggestProfileName(rankedProfile)}
            signedIn={signedIn}
          />
        )}
      </div>
    </div>
  );
}
