/* The FP32 fused-multiply-add peak of one core, for Scripts/bench: the ceiling every GFLOP/s figure
 * of the benchmark is printed beside (Docs/performance.md).
 *
 * Twelve (AVX-512: 24) independent accumulator chains of vector FMAs, enough to cover the FMA
 * latency (4-5 cycles) times the number of FMA pipes (2) on current x86 cores, so the loop is bound
 * by FMA throughput alone. Built by Scripts/bench with `cc -O2 -mavx2 -mfma`, plus `-mavx512f`
 * where /proc/cpuinfo lists avx512f; a build without -mavx512f measures 256-bit FMAs.
 * Each FMA counts 2 flops per lane. Timed by the thread's CPU time, which leaves out time the core
 * spent on other work (the peak is a ceiling, so the highest honest figure is the right one).
 * Prints the best of ROUNDS rounds as JSON: {"isa": "avx2", "chains": 12, "gflops": 93.1, ...}.
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define ROUNDS 7
#define ITERATIONS 20000000L

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

#if defined(__AVX512F__)
#define WIDTH "avx512"
#define LANES 16
typedef __m512 vec;
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define ADD _mm512_add_ps
static float horizontal_sum(vec v) { return _mm512_reduce_add_ps(v); }
#define CHAINS 24
#else
#define WIDTH "avx2"
#define LANES 8
typedef __m256 vec;
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
#define ADD _mm256_add_ps
static float horizontal_sum(vec v) {
    float lanes[8];
    _mm256_storeu_ps(lanes, v);
    float s = 0;
    for (int i = 0; i < 8; i++) s += lanes[i];
    return s;
}
#define CHAINS 12
#endif

/* The chains as named variables (an array would live in memory at -O2): X(c) is applied to each. */
#define CHAINS12(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11)
#if CHAINS == 24
#define ALL_CHAINS(X) CHAINS12(X) X(12) X(13) X(14) X(15) X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23)
#else
#define ALL_CHAINS(X) CHAINS12(X)
#endif
#define DECLARE(c) vec acc##c = SET1(0.001f * (float)(c));
#define UPDATE(c) acc##c = FMA(acc##c, a, b);
#define SUM(c) total = ADD(total, acc##c);

/* One round: ITERATIONS × CHAINS FMAs; returns seconds and writes a sum the compiler cannot drop. */
static double round_seconds(float *sink) {
    ALL_CHAINS(DECLARE)
    /* x <- x*a + b with a just below 1: the values stay finite and normal for any iteration count. */
    const vec a = SET1(0.999999f), b = SET1(1e-7f);
    double start = now();
    for (long i = 0; i < ITERATIONS; i++) {
        ALL_CHAINS(UPDATE)
    }
    double seconds = now() - start;
    vec total = SET1(0.0f);
    ALL_CHAINS(SUM)
    *sink += horizontal_sum(total);
    return seconds;
}

int main(void) {
    float sink = 0;
    double best = 1e300;
    round_seconds(&sink); /* warm-up: clocks ramp up, pages fault in */
    for (int r = 0; r < ROUNDS; r++) {
        double s = round_seconds(&sink);
        if (s < best) best = s;
    }
    double flops = 2.0 * LANES * CHAINS * (double)ITERATIONS;
    printf("{\"isa\": \"%s\", \"chains\": %d, \"gflops\": %.2f, \"check\": %g}\n", WIDTH, CHAINS, flops / best * 1e-9,
           (double)sink);
    return 0;
}
