"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { compareAction } from "@/app/(public)/comparer/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { ComparisonResult } from "@/lib/compare/types";
import type { Profile, ProfileInput } from "@/lib/schemas/profile";
import { draftFromProfile } from "./profile-draft";
import { ProfileForm } from "./profile-form";
import { Results } from "./results";

type State = ActionResult<ComparisonResult> | null;

export function Comparison({ initialProfile, initialResult }: { initialProfile: ProfileInput; initialResult: ComparisonResult | null }) {
  const [draft, setDraft] = useState(() => draftFromProfile(initialProfile));
  const [state, submit, pending] = useActionState<State, Profile>(
    (_previous, profile) => compareAction({ profile, sort: "total" }),
    initialResult ? { ok: true, data: initialResult } : null,
  );
  const router = useRouter();
  const resultsRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef(false);

  useEffect(() => {
    if (!state?.ok) return;
    if (!submittedRef.current) return;
    resultsRef.current?.focus();
    // The profile lives in the URL: the page can be bookmarked, shared, or come back to
    // with the browser's back button (through the router, so its history knows the page).
    router.replace(`/comparer?p=${encodeURIComponent(state.data.encodedProfile)}`, { scroll: false });
  }, [state, router]);

  return (
    <div className="comparison">
      <ProfileForm
        draft={draft}
        onDraftChange={setDraft}
        pending={pending}
        serverErrors={state && !state.ok ? state.fieldErrors : undefined}
        onSubmit={(profile) => {
          submittedRef.current = true;
          startTransition(() => submit(profile));
        }}
      />
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
        {state?.ok && <Results key={state.data.encodedProfile} result={state.data} />}
      </div>
    </div>
  );
}
