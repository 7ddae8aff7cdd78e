package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A manifest POSTed to /api/v1/jobs: 201 is a new job, 200 the same job submitted before (its name and spec). */
record Submission(String id, boolean created, JsonNode job) {
    static Submission of(BerthApi api, Manifest manifest) {
        Answer answer = api.post("/api/v1/jobs", manifest.text(), manifest.contentType(), "job manifest " + manifest.describe());
        JsonNode job = answer.json();
        return new Submission(Fields.text(job, "id"), answer.status() == 201, job);
    }

    String line() {
        return "job " + id + (created ? " created" : " unchanged");
    }
}
