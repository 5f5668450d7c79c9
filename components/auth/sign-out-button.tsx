"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Posts to next-auth's sign-out (CSRF-checked), which deletes the server-side session row. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      Se déconnecter
    </button>
  );
}
