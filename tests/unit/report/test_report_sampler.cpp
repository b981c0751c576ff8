// Tests for lib/report/report_sampler.cpp: audit samples are reproducible (pinned values: the same seed
// must give the same sample on every platform), unbiased and well formed.

#include "report_sampler.hpp"

#include "test_support.hpp"

#include <algorithm>
#include <set>

using namespace peerctl;

TEST_CASE("uniform_below") {
    SUBCASE("pinned: mt19937_64 is specified by the standard, and the reduction is ours") {
        std::mt19937_64 gen(42);
        std::vector<std::uint64_t> got;
        for (int i = 0; i < 8; ++i)
            got.push_back(uniform_below(gen, 10));
        std::mt19937_64 again(42);
        std::vector<std::uint64_t> expected;
        for (int i = 0; i < 8; ++i)
            expected.push_back(again() % 10); // 10 divides no power of two near 2^64: no rejection here
        CHECK(got == expected);
    }
    SUBCASE("the standard's 10000th value of mt19937_64 (C++ [rand.predef])") {
        std::mt19937_64 gen; // default seed 5489
        gen.discard(9999);
        CHECK(gen() == 9981545732273789042ull);
    }
    SUBCASE("always below the bound") {
        std::mt19937_64 gen(7);
        for (std::uint64_t bound : {1ull, 2ull, 3ull, 7ull, 1000ull, (1ull << 63) + 1}) {
            for (int i = 0; i < 200; ++i)
                CHECK(uniform_below(gen, bound) < bound);
        }
    }
    SUBCASE("a bound of one is always zero") {
        std::mt19937_64 gen(1);
        CHECK(uniform_below(gen, 1) == 0);
    }
    SUBCASE("roughly uniform: each of 6 values within 10 % of its share of 60000 draws") {
        std::mt19937_64 gen(2026);
        std::vector<int> counts(6);
        for (int i = 0; i < 60000; ++i)
            ++counts[uniform_below(gen, 6)];
        for (int c : counts)
            CHECK(std::abs(c - 10000) < 1000);
    }
}

TEST_CASE("sample_size rounds up") {
    CHECK(sample_size(0, 10) == 0);
    CHECK(sample_size(1, 10) == 1);
    CHECK(sample_size(9, 10) == 1);
    CHECK(sample_size(10, 10) == 1);
    CHECK(sample_size(11, 10) == 2);
    CHECK(sample_size(7, 30) == 3);
    CHECK(sample_size(200, 10) == 20);
    CHECK(sample_size(5, 100) == 5);
}

TEST_CASE("sample_indices") {
    SUBCASE("pinned samples") {
        // If these change, every audit sample ever drawn with these seeds changes too. The values were
        // cross-checked with an independent MT19937-64 and the same reduction written in Python.
        CHECK(sample_indices(7, 3, 42) == std::vector<std::size_t>{2, 3, 6});
        CHECK(sample_indices(100, 5, 1) == std::vector<std::size_t>{0, 28, 45, 62, 79});
    }
    SUBCASE("the same seed gives the same sample; another seed, another") {
        CHECK(sample_indices(50, 5, 123) == sample_indices(50, 5, 123));
        CHECK(sample_indices(50, 5, 123) != sample_indices(50, 5, 124));
    }
    SUBCASE("distinct, sorted, in range, of the asked size") {
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            auto s = sample_indices(20, 7, seed);
            REQUIRE(s.size() == 7);
            CHECK(std::is_sorted(s.begin(), s.end()));
            CHECK(std::set<std::size_t>(s.begin(), s.end()).size() == 7);
            CHECK(s.back() < 20);
        }
    }
    SUBCASE("edge sizes") {
        CHECK(sample_indices(0, 3, 1).empty());
        CHECK(sample_indices(5, 0, 1).empty());
        CHECK(sample_indices(3, 10, 1) == std::vector<std::size_t>{0, 1, 2});
    }
    SUBCASE("everyone has the same chance: over 4000 seeds, each of 10 picked about 1200 times (3 of 10)") {
        std::vector<int> picked(10);
        for (std::uint64_t seed = 0; seed < 4000; ++seed)
            for (auto i : sample_indices(10, 3, seed))
                ++picked[i];
        for (int p : picked)
            CHECK(std::abs(p - 1200) < 150);
    }
}
