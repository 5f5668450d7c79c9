"use client";

import type { SavedProfileDto } from "@/lib/profiles";
import { SavedProfileCard } from "./saved-profile-card";

export function SavedProfileList({ profiles }: { profiles: SavedProfileDto[] }) {
  if (profiles.length === 0) {
    return (
      <p className="card">
        Aucun profil enregistré. Lancez une <a href="/comparer">comparaison</a> puis choisissez « Enregistrer ce profil » sous le classement.
      </p>
    );
  }
  return (
    <ul className="saved-profiles">
      {profiles.map((profile) => (
        <SavedProfileCard key={profile.id} profile={profile} />
      ))}
    </ul>
  );
}
