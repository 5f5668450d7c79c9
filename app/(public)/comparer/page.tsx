import type { Metadata } from "next";
import { Comparison } from "@/components/compare/comparison";
import { getCurrentUser } from "@/lib/auth/session";
import { comparePublicly } from "@/lib/compare/comparison-rate-limit";
import { decodeProfile } from "@/lib/compare/profile-url";
import { viewFromParams } from "@/lib/compare/result-filters";
import { compareView } from "@/lib/compare/run-comparison";
import { presetProfile } from "@/lib/compare/presets";
import { ownOffersOfRequester } from "@/lib/own-offers/server";

export const metadata: Metadata = { title: "Comparer les mutuelles pour votre année de soins" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const encoded = typeof params.p === "string" ? params.p : null;
  const decoded = encoded ? decodeProfile(encoded) : null;
  const profile = decoded?.ok ? decoded.profile : presetProfile(typeof params.preset === "string" ? params.preset : undefined);
  // Sort, filters and page from the URL, checked here: what is invalid is left out and said.
  const { view, problems } = viewFromParams(params);
  const [outcome, user] = await Promise.all([
    decoded?.ok ? comparePublicly(async () => compareView(decoded.profile, view, undefined, await ownOffersOfRequester())) : null,
    getCurrentUser(),
  ]);
  const initialResult = outcome?.ok ? outcome.value : null;

  return (
    <>
      <h1>Votre année de soins</h1>
      <p className="lead">
        Indiquez qui est couvert et les soins que vous prévoyez. Le prix habituel est utilisé quand vous laissez le prix vide.
      </p>
      {decoded && !decoded.ok && (
        <p className="form-errors" role="alert">
          {decoded.message} Le formulaire a été réinitialisé.
        </p>
      )}
      {outcome && !outcome.ok && (
        <p className="form-errors" role="alert">
          {outcome.message}
        </p>
      )}
      <Comparison
        initialProfile={profile}
        initialResult={initialResult}
        initialView={initialResult?.view ?? view}
        linkProblems={initialResult ? problems : []}
        signedIn={user !== null}
      />
    </>
  );
}
