import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import "./compte.css";

// Signed-out visitors are sent to the sign-in page, which brings them back here. This
// is navigation only: every action of the area checks the session again (userAction).
export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser("/compte");
  return children;
}
