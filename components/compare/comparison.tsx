"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { compareAction } from "@/app/(public)/comparer/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { ActionResult } from "@/lib/actions/result";
import { DEFAULT_VIEW, resultsQuery, type ResultView } from "@/lib/compare/result-filters";
import type { ComparisonView } from "@/lib/compare/types";
import { suggestProfileName } from "@/lib/profiles/suggest-name";
import type { ProfileInput } from "@/lib/schemas/profile";
import { draftFromProfile, type ProfileDraft } from "./profile-draft";
import { CssCard } from "./css-card";
import { ProfileForm } from "./profile-form";
import { Results } from "./results";

type State = ActionResult<ComparisonView> | null;
/** A new profile ranked, or another view (sort, filters, page) of the ranking on screen. */
interface Request {
  profile: ProfileInput;
  /** The household's resources for the Complémentaire santé solidaire: asked again with every view, kept only here. */
  householdResources: string | undefined;
  view: ResultView;
}

/** Who is covered and how many care lines, for the collapsed form. */
function describeDraft(draft: ProfileDraft): string {
  const people = draft.beneficiaries.map((beneficiary) => beneficiary.label).join(", ");
  const lines = draft.beneficiaries.reduce((sum, beneficiary) => sum + beneficiary.care.length, 0);
  return `Profil : ${people} — ${lines} soin${lines > 1 ? "s" : ""} prévu${lines > 1 ? "s" : ""}.`;
}

export function Comparison({
  initialProfile,
  initialResult,
  initialView = DEFAULT_VIEW,
  linkProblems = [],
  signedIn = false,
}: {
  initialProfile: ProfileInput;
  initialResult: ComparisonView | null;
  /** The sort, filters and page of the page's URL. */
  initialView?: ResultView;
  /** What the URL asked for that the server could not apply, in French. */
  linkProblems?: string[];
  /** Only chooses what the save control shows; the save action checks the session itself. */
  signedIn?: boolean;
}) {
  const [draft, setDraft] = useState(() => draftFromProfile(initialProfile));
  // Here rather than in Results: they outlive a new ranking, and go in the URL with its profile.
  const [view, setView] = useState(initialView);
  const [problems, setProblems] = useState(linkProblems);
  // The profile of the ranking on screen (the draft may be edited since): asked again for
  // another view of its ranking, and names a saved profile.
  const [rankedProfile, setRankedProfile] = useState<ProfileInput>(initialProfile);
  // Its household's resources, if given: in memory only, never in the URL (lib/schemas/profile.ts).
  const [rankedResources, setRankedResources] = useState<string | undefined>(undefined);
  // A shared link opens on its ranking; the form is mounted only when asked for.
  const [editing, setEditing] = useState(initialResult === null);
  // The server sorts, filters and pages: every view is asked for (its ranking is cached there).
  const [state, request, pending] = useActionState<State, Request>(
    (_previous, { profile, householdResources, view: asked }) => reachServer(() => compareAction({ profile, householdResources, ...asked })),
    initialResult ? { ok: true, data: initialResult } : null,
  );
  // What the pending message says: a new ranking, or another view of the one on screen.
  const [refreshing, setRefreshing] = useState(false);
  const router = useRouter();
  const resultsRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef(false);
  const viewRef = useRef(view);

  useEffect(() => {
    if (!state?.ok) return;
    if (!submittedRef.current) return;
    submittedRef.current = false;
    resultsRef.current?.focus();
    // The profile lives in the URL: the page can be bookmarked, shared, or come back to
    // with the browser's back button (through the router, so its history knows the page).
    router.replace(`/comparer?${resultsQuery(state.data.encodedProfile, viewRef.current)}`, { scroll: false });
  }, [state, router]);

  const changeView = (next: ResultView) => {
    viewRef.current = next;
    setView(next);
    setProblems([]);
    if (!state?.ok) return;
    // A reload or a shared link shows the same view. history.replaceState keeps Next's
    // router in step without asking the server for the page again.
    window.history.replaceState(null, "", `/comparer?${resultsQuery(state.data.encodedProfile, next)}`);
    setRefreshing(true);
    startTransition(() => request({ profile: rankedProfile, householdResources: rankedResources, view: next }));
  };

  return (
    <div className="comparison">
      {editing ? (
        <ProfileForm
          draft={draft}
          onDraftChange={setDraft}
          pending={pending}
          serverErrors={state && !state.ok ? state.fieldErrors : undefined}
          onSubmit={(profile, householdResources) => {
            submittedRef.current = true;
            setRankedProfile(profile);
            setRankedResources(householdResources);
            setProblems([]);
            // A new profile starts on the first page of the same sort and filters.
            const first = { ...viewRef.current, page: 1 };
            viewRef.current = first;
            setView(first);
            setRefreshing(false);
            startTransition(() => request({ profile, householdResources, view: first }));
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
            {refreshing ? "Mise à jour du classement…" : "Calcul du reste à charge pour chaque offre…"}
          </p>
        )}
        {state?.ok && state.data.css && <CssCard css={state.data.css} />}
        {state?.ok && (
          <Results
            key={state.data.encodedProfile}
            result={state.data}
            view={view}
            onViewChange={changeView}
            linkProblems={problems}
            suggestedName={suggestProfileName(rankedProfile)}
            signedIn={signedIn}
          />
        )}
      </div>
    </div>
  );
}
