/* Random reads over WORDS 32-bit words, ITERATIONS times; prints the
 * seconds taken. bench/machine.sh runs it on each CPU alone and on all at
 * once, to tell whether the cores of this machine slow each other down
 * (and through what) before blaming a program's threads for it. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main (int argc, char **argv)
{
  size_t words = argc > 1 ? strtoull (argv[1], NULL, 10) : 1024;
  long iterations = argc > 2 ? atol (argv[2]) : 100000000;
  unsigned *a = malloc (words * sizeof *a);
  if (words == 0 || a == NULL)
    return 2;
  for (size_t i = 0; i < words; i++)
    a[i] = (unsigned) (i * 2654435761u);
  unsigned x = 1, sum = 0;
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < iterations; i++)
    {
      x = x * 1103515245u + 12345u;
      sum += a[(x >> 3) % words];
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);
  /* The sum is printed so that the loop cannot be optimised away. */
  printf ("%.3f %u\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, sum);
  free (a);
  return 0;
}
