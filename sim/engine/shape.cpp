// sim/shape.cpp — reading and writing the fields a Shape describes (sim/shape.hpp).
#include "sim/shape.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/json_input.hpp"
#include "sim/text.hpp"

namespace sim {

using nlohmann::json;

std::string ShapeError::text() const {
    std::string out = file;
    if (!pointer.empty()) out += (out.empty() ? "" : ": ") + pointer;
    return out + (out.empty() ? "" : ": ") + message;
}

namespace {

// "must be a string, not number" (TypeWords::MustBe).
const char* type_words(FieldType type) {
    switch (type) {
        case FieldType::Bool:
            return "true or false";
        case FieldType::Integer:
            return "a whole number";
        case FieldType::Unsigned:
            return "a whole number from 0";
        case FieldType::Number:
            return "a number";
        case FieldType::String:
            return "a string";
        case FieldType::Strings:
            return "an array of strings";
        case FieldType::Object:
            return "an object";
        case FieldType::Array:
            return "an array";
        case FieldType::Any:
            break;
    }
    return "a value";
}

bool has_type(const json& v, FieldType type) {
    switch (type) {
        case FieldType::Bool:
            return v.is_boolean();
        case FieldType::String:
            return v.is_string();
        case FieldType::Strings:
            if (!v.is_array()) return false;
            for (const auto& e : v)
                if (!e.is_string()) return false;
            return true;
        case FieldType::Object:
            return v.is_object();
        case FieldType::Array:
            return v.is_array();
        case FieldType::Integer:  // checked with its range below
        case FieldType::Unsigned:
        case FieldType::Number:
        case FieldType::Any:
            break;
    }
    return true;
}

std::string pointer_token(const std::string& key) {
    std::string token;
    for (char c : key)
        token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return token;
}

}  // namespace

ObjectShape::ObjectShape(std::string schema, TypeWords words) : schema_(std::move(schema)), words_(words) {}

std::vector<std::string> ObjectShape::names() const {
    std::vector<std::string> out;
    out.reserve(fields_.size());
    for (const auto& f : fields_) out.push_back(f.name);
    return out;
}

const FieldSpec* ObjectShape::find(const std::string& name) const {
    for (const auto& f : fields_)
        if (f.name == name) return &f;
    return nullptr;
}

FieldSpec& ObjectShape::add(const char* name, FieldType type) {
    fields_.push_back(FieldSpec{});
    fields_.back().name = name;
    fields_.back().type = type;
    return fields_.back();
}

void ObjectShape::check_keys(const json& obj, const std::string& pointer, ShapeErrors& errors) const {
    if (!obj.is_object()) return;
    const std::vector<std::string> known = names();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (find(it.key()) != nullptr) continue;
        errors.push_back({"", pointer + "/" + pointer_token(it.key()), unknown_key_message(it.key(), known),
                          suggest_key(it.key(), known)});
    }
}

bool ObjectShape::value(const json& obj, const std::string& name, const std::string& pointer, FieldValue& out,
                        ShapeErrors& errors) const {
    const FieldSpec* f = find(name);
    if (f == nullptr || !obj.is_object()) return false;
    auto it = obj.find(name);
    if (it == obj.end() || (it->is_null() && words_ == TypeWords::HasWrongType)) {
        if (f->required)
            errors.push_back({"", pointer, fmt::format("missing required key \"{}\"", name), ""});
        return false;
    }
    const std::string at = pointer + "/" + name;
    if (!has_type(*it, f->type)) {
        errors.push_back({"", at,
                          !f->wrong_type.empty() ? f->wrong_type
                          : words_ == TypeWords::MustBe
                              ? fmt::format("must be {}, not {}", type_words(f->type), it->type_name())
                              : fmt::format("has the wrong type ({})", it->type_name()),
                          ""});
        return false;
    }
    out.json = &*it;
    NumberError why;
    switch (f->type) {
        case FieldType::Bool:
            out.boolean = it->get<bool>();
            break;
        case FieldType::String:
            out.string = it->get<std::string>();
            break;
        case FieldType::Strings:
            out.strings = it->get<std::vector<std::string>>();
            break;
        case FieldType::Integer:
            if (auto v = integer_in_range(*it, at, f->lo, f->hi, why))
                out.integer = *v;
            else
                return errors.push_back({"", why.pointer, why.message, ""}), false;
            break;
        case FieldType::Unsigned:
            if (auto v = sim::unsigned_integer(*it, at, why))
                out.unsigned_integer = *v;
            else
                return errors.push_back({"", why.pointer, why.message, ""}), false;
            break;
        case FieldType::Number:
            if (auto v = number_in_range(*it, at, f->number_lo, f->number_hi, why))
                out.number = *v;
            else
                return errors.push_back({"", why.pointer, why.message, ""}), false;
            break;
        case FieldType::Object:
        case FieldType::Array:
        case FieldType::Any:
            break;
    }
    return true;
}

bool ObjectShape::read_field(const json& obj, const std::string& name, const std::string& pointer,
                             void* target, ShapeErrors& errors) const {
    const FieldSpec* f = find(name);
    FieldValue v;
    if (f == nullptr || !value(obj, name, pointer, v, errors)) return false;
    if (f->set) f->set(target, v);
    if (f->then) f->then(target, v, pointer + "/" + name, errors);
    return true;
}

void ObjectShape::read_fields(const json& obj, const std::string& pointer, void* target,
                              ShapeErrors& errors) const {
    for (const auto& f : fields_)
        if (f.set || f.then) read_field(obj, f.name, pointer, target, errors);
}

void ObjectShape::write_fields(const void* source, json& out) const {
    for (const auto& f : fields_) {
        if (!f.get) continue;
        FieldValue v;
        f.get(source, v);
        json& slot = out[f.name];
        switch (f.type) {
            case FieldType::Bool:
                slot = v.boolean;
                break;
            case FieldType::String:
                slot = v.string;
                break;
            case FieldType::Strings:
                slot = v.strings;
                break;
            case FieldType::Integer:
                if (f.unsigned_member)
                    slot = static_cast<std::uint64_t>(v.integer);
                else
                    slot = v.integer;
                break;
            case FieldType::Unsigned:
                slot = v.unsigned_integer;
                break;
            case FieldType::Number:
                slot = v.number;
                break;
            case FieldType::Object:
            case FieldType::Array:
            case FieldType::Any:
                slot = v.json ? *v.json : json();
                break;
        }
    }
}

static std::vector<ObjectShape>& shape_registry() {
    static std::vector<ObjectShape> shapes;
    return shapes;
}

void register_shape(const ObjectShape& shape) {
    if (!shape.schema().empty()) shape_registry().push_back(shape);
}

const std::vector<ObjectShape>& registered_shapes() {
    return shape_registry();
}

}  // namespace sim
