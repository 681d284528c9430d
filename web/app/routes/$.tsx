import { notFound } from '../api/client';

// Every path no other page claims: the root error boundary shows the 404 page, with status 404.
export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
