import Link from "next/link";

/** What a page reached through a broken or incomplete comparison link shows instead. */
export function InvalidLink({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="form-errors" role="alert">
        {message}
      </p>
      <Link href="/comparer">Décrire votre année de soins</Link>
    </>
  );
}
