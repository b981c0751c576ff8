#include "report_sampler.hpp"

#include <algorithm>
#include <numeric>

namespace peerctl {

std::uint64_t uniform_below(std::mt19937_64& gen, std::uint64_t bound) {
    // 2^64 mod bound, computed in 64 bits: (2^64 - bound) mod bound.
    const std::uint64_t threshold = (std::uint64_t{0} - bound) % bound;
    for (;;) {
        const std::uint64_t r = gen();
        if (r >= threshold) return r % bound;
    }
}

std::size_t sample_size(std::size_t population, int percent) {
    if (population == 0 || percent <= 0) return 0;
    if (percent >= 100) return population;
    return (population * static_cast<std::size_t>(percent) + 99) / 100;
}

std::vector<std::size_t> sample_indices(std::size_t population, std::size_t count, std::uint64_t seed) {
    count = std::min(count, population);
    std::vector<std::size_t> pool(population);
    std::iota(pool.begin(), pool.end(), std::size_t{0});
    std::mt19937_64 gen(seed);
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t j = i + static_cast<std::size_t>(uniform_below(gen, population - i));
        std::swap(pool[i], pool[j]);
    }
    pool.resize(count);
    std::sort(pool.begin(), pool.end());
    return pool;
}

} // namespace peerctl
