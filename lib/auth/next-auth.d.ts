import "next-auth/jwt";

// What lib/auth keeps in next-auth's encrypted JWT cookie: the server-side session token
// and, refreshed from the database on each read, who it belongs to.
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    uid?: string;
    role?: "USER" | "ADMIN";
  }
}
