// libFuzzer target: the record loader (pre-scan, toml++, typed reads) on arbitrary bytes.
// Besides the sanitizers it checks that a record comes back exactly when there is no error, and,
// where the library has its fast reader for plain TOML, that it agrees with toml++: the same
// table, and the same record and diagnostics through load_record. What it prints (diagnostics, and
// the status, check and calendar of a record that loads) keeps each format's promise.

#include "fuzz_support.hpp"
#include "record_loader.hpp"
#include "toml_guard.hpp"
#include "validation.hpp"

#if __has_include("fast_toml.hpp")
#include "fast_toml.hpp"
#include <toml++/toml.h>
#endif

using namespace peerctl;

namespace {

const std::string file = "fuzz.toml";

struct Loaded {
    std::optional<Record> record;
    Diagnostics diags;
};

template <class Options>
Loaded load(std::string_view text, const Options& options) {
    Loaded out;
    out.record = load_record(text, file, fuzz::builtin_credentials(), options, out.diags);
    fuzz::check_diagnostics(out.diags, file);
    if (out.record) {
        fuzz::require(!out.diags.has_errors(), "a record came back with errors", fuzz::dump(out.diags));
        fuzz::require(is_valid_id(out.record->id), "a record came back with an invalid id", out.record->id);
        Diagnostics future;
        warn_future_entries(*out.record, fuzz::as_of(), future);
        fuzz::check_diagnostics(future, file);
    } else {
        fuzz::require(out.diags.has_errors(), "no record and no error", fuzz::dump(out.diags));
    }
    return out;
}

// The fast reader must agree with toml++ wherever it answers. Returns whether it answered.
bool check_plain_reader(std::string_view text) {
#if __has_include("fast_toml.hpp")
    Diagnostics guard;
    std::optional<toml::table> plain = parse_plain_toml(text);
    if (!prescan_toml(text, file, GuardLimits{}, guard)) {
        // load_record's fast path skips the pre-scan: it must not read what the pre-scan rejects.
        fuzz::require(!plain, "the fast reader reads what the pre-scan rejects", fuzz::dump(guard));
        return false;
    }
    if (!plain) return false;
    toml::table full;
    try {
        full = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        fuzz::fail("the fast reader accepts what toml++ rejects", e.description());
    }
    fuzz::require(*plain == full, "the fast reader and toml++ read different tables");
    return true;
#else
    (void)text;
    return false;
#endif
}

// load_record with and without its fast path gives the same result (where the fast reader does
// not answer, both take the same path).
template <class Options = RecordLoadOptions>
void check_fast_load(std::string_view text, const Loaded& slow) {
    if constexpr (requires(Options o) { o.fast = true; }) {
        Options options;
        options.fast = true;
        Loaded fast = load(text, options);
        fuzz::require(fuzz::dump(fast.diags) == fuzz::dump(slow.diags), "the fast path reports differently",
                      "fast:\n" + fuzz::dump(fast.diags) + "full:\n" + fuzz::dump(slow.diags));
        fuzz::require(fast.record.has_value() == slow.record.has_value(), "the fast path loads differently");
        if (fast.record)
            fuzz::require(fuzz::describe(*fast.record) == fuzz::describe(*slow.record), "the fast path reads another record",
                          "fast:\n" + fuzz::describe(*fast.record) + "full:\n" + fuzz::describe(*slow.record));
    } else {
        (void)text;
        (void)slow;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::as_text(data, size);
    Loaded slow = load(text, RecordLoadOptions{});
    if (check_plain_reader(text)) check_fast_load(text, slow);
    if (slow.record) fuzz::outputs_safe({evaluate(*slow.record, fuzz::builtin_credentials(), fuzz::as_of())});
    return 0;
}
