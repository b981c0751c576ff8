#include "record.hpp"

namespace peerctl {

std::string to_string(ExamResult r) {
    switch (r) {
    case ExamResult::Passed: return "passed";
    case ExamResult::Failed: return "failed";
    case ExamResult::Scheduled: return "scheduled";
    }
    return "";
}

std::string to_string(ExperienceKind k) {
    switch (k) {
    case ExperienceKind::Work: return "work";
    case ExperienceKind::Volunteer: return "volunteer";
    case ExperienceKind::Supervision: return "supervision";
    }
    return "";
}

std::string to_string(Delivery d) {
    switch (d) {
    case Delivery::InPerson: return "in-person";
    case Delivery::LiveOnline: return "live-online";
    case Delivery::SelfStudy: return "self-study";
    }
    return "";
}

std::optional<ExperienceKind> parse_experience_kind(std::string_view s) {
    for (auto k : {ExperienceKind::Work, ExperienceKind::Volunteer, ExperienceKind::Supervision})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

std::optional<Delivery> parse_delivery(std::string_view s) {
    for (auto d : {Delivery::InPerson, Delivery::LiveOnline, Delivery::SelfStudy})
        if (to_string(d) == s) return d;
    return std::nullopt;
}

std::optional<ExamResult> parse_exam_result(std::string_view s) {
    for (auto r : {ExamResult::Passed, ExamResult::Failed, ExamResult::Scheduled})
        if (to_string(r) == s) return r;
    return std::nullopt;
}

const HeldCredential* Record::credential(std::string_view id_) const {
    for (const auto& c : credentials)
        if (c.id == id_) return &c;
    return nullptr;
}

} // namespace peerctl
