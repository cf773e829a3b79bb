/**
 * The pause program: holds the pod's namespaces and does nothing else. Written for kubelab
 * after the behaviour of upstream's build/pause/linux/pause.c: SIGINT/SIGTERM print
 * "Shutting down, got signal: <name>" and exit 0; SIGCHLD reaps zombies; otherwise pause().
 */
export const PAUSE_C_SOURCE = `#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void say(const char *s) { (void)!write(2, s, strlen(s)); }

static void on_down(int sig) {
  say("Shutting down, got signal: ");
  say(sig == SIGTERM ? "Terminated\\n" : "Interrupt\\n");
  _exit(0);
}

static void on_child(int sig) {
  (void)sig;
  while (waitpid(-1, 0, WNOHANG) > 0) {}
}

int main(int argc, char **argv) {
  struct sigaction sa;
  if (argc > 1 && strcmp(argv[1], "-v") == 0) { say("pause.c kubelab\\n"); return 0; }
  if (getpid() != 1) say("Warning: pause should be the first process\\n");
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_down;
  sigaction(SIGINT, &sa, 0);
  sigaction(SIGTERM, &sa, 0);
  sa.sa_handler = on_child;
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, 0);
  for (;;) pause();
  return 42;
}
`;
