/**
 * `~` and `~/…` as a shell expands them (POSIX shell "Tilde Expansion": a leading `~` up to the
 * first `/`, when no user name follows, is $HOME). A path typed at a prompt never went through a
 * shell, so the wizard does it: `~/values.yaml` is the file in the home directory, not a folder
 * named `~` in the current one. `~user` forms are left alone (they would need the password database).
 */
export function expandHome(path: string, home: string | undefined): string {
  if (home === undefined || home === '') return path;
  if (path === '~') return home;
  if (path.startsWith('~/')) return `${home.replace(/\/+$/, '')}/${path.slice(2)}`;
  return path;
}
