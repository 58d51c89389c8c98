package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.register.Databases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one PostgreSQL, as behind a load balancer: the server keeps no state of its
 * own, so a token made through one signs in on the other, a revocation holds on both at once, concurrent saves
 * through both lose nothing, and a browser session opened on one is open on the other until it ends on either.
 */
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoServersOnOnePostgresqlShareAccountsAndLoseNoSave() throws Exception {
        try (TestService one = new TestService(Databases.POSTGRESQL); TestService two = new TestService(one)) {
            // made through one, read through the other
            HttpResponse<String> made = one.send(one.request("/api/v1/assessments", "manager-token")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"zhang\"}")).build());
            long id = JSON.readTree(made.body()).get("id").asLong();
            HttpResponse<String> read = two.send(two.request("/api/v1/assessments/" + id, "auditor-token").build());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("ETag")).contains("\"1\"");

            // 16 saves of revision 1 at once, half through each server: one is kept, fifteen are told 412
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> saves = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                TestService via = n % 2 == 0 ? one : two;
                com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode)
                        JSON.readTree(read.body()).get("assessment").deepCopy();
                String body = content.put("assessor", "save " + n).toString();
                saves.add(pool.submit(() -> {
                    go.await();
                    return via.send(via.request("/api/v1/assessments/" + id, "auditor-token")
                            .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
                }));
            }
            go.countDown();
            List<String> kept = new ArrayList<>();
            int refused = 0;
            for (Future<HttpResponse<String>> f : saves) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    kept.add(JSON.readTree(r.body()).at("/assessment/assessor").asText());
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(412);
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(kept).hasSize(1);
            assertThat(refused).isEqualTo(15);
            JsonNode latest = JSON.readTree(one.send(one.request("/api/v1/assessments/" + id, "manager-token").build())
                    .body());
            assertThat(latest.get("revision").asInt()).isEqualTo(2);
            assertThat(latest.at("/assessment/assessor").asText()).isEqualTo(kept.get(0));

            // a token revoked through one instance's accounts signs no one in on the other, from the next request
            var auditor = one.accounts.issueToken("zhang", "laptop", new io.github.aftersales.service.accounts.Accounts
                    .Actor("test", "test"));
            HttpRequest withIt = two.request("/api/v1/assessments", null).header("Authorization", "Bearer " + auditor.token())
                    .build();
            assertThat(two.send(withIt).statusCode()).isEqualTo(200);
            one.accounts.revoke(auditor.id(), new io.github.aftersales.service.accounts.Accounts.Actor("test", "test"));
            assertThat(two.send(withIt).statusCode()).isEqualTo(401);

            // a browser session opened on one works on the other, changes there with its CSRF token, ends on both
            HttpResponse<String> in = one.send(one.request("/api/v1/session", null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"account\": \"zhang\", \"password\": \""
                            + TestService.password("zhang") + "\"}")).build());
            assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
            String set = in.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = set.substring(0, set.indexOf(';'));
            String csrf = JSON.readTree(in.body()).get("csrfToken").asText();
            HttpResponse<String> there = two.send(two.request("/api/v1/assessments/" + id, null).header("Cookie", cookie)
                    .build());
            assertThat(there.statusCode()).isEqualTo(200);
            HttpResponse<String> savedThere = two.send(two.request("/api/v1/assessments/" + id, null)
                    .header("Cookie", cookie).header(SessionCookie.CSRF_HEADER, csrf)
                    .header("Content-Type", "application/json").header("If-Match", "\"2\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.readTree(there.body()).get("assessment").toString()))
                    .build());
            assertThat(savedThere.statusCode()).as(savedThere.body()).isEqualTo(200);
            assertThat(two.send(two.request("/api/v1/session", null).header("Cookie", cookie)
                    .header(SessionCookie.CSRF_HEADER, csrf).DELETE().build()).statusCode()).isEqualTo(204);
            assertThat(one.send(one.request("/api/v1/session", null).header("Cookie", cookie).build()).statusCode())
                    .isEqualTo(401);
        }
    }
}
