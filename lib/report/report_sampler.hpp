#pragma once
// Reproducible random samples for audits: the same seed and population give the same sample on
// every platform and compiler. std::mt19937_64's output sequence is fixed by the standard; the
// standard distributions are not, so the reduction to a range is done here.

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace peerctl {

// The largest seed accepted: 2^53 - 1, so that a seed survives a round trip through JSON.
constexpr std::uint64_t max_sample_seed = (std::uint64_t{1} << 53) - 1;

// A uniformly distributed integer in [0, bound), bound > 0: draws below 2^64 mod bound are
// rejected, so no value is favoured (a plain modulo would be biased).
std::uint64_t uniform_below(std::mt19937_64& gen, std::uint64_t bound);

// How many of `population` a sample of `percent` (1..100) takes: rounded up, so that anyone in
// the population gives a sample of at least one.
std::size_t sample_size(std::size_t population, int percent);

// `count` distinct indices of [0, population), chosen by a partial Fisher-Yates shuffle driven
// by mt19937_64(seed), in ascending order. `count` is clamped to `population`.
std::vector<std::size_t> sample_indices(std::size_t population, std::size_t count, std::uint64_t seed);

} // namespace peerctl
