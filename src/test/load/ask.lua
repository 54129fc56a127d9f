-- wrk script: POST /api/ask, cycling through questions of every kind (answerable, unknown, typo, junk).
local questions = {
  "Is AD FS covered for multiple forests?",
  "Who is responsible for SSL certificates?",
  "Will FastTrack deploy AD FS for a single forest?",
  "Who configures DNS?",
  "How many SaaS applications with single sign-on does FastTrack integrate?",
  "Does FastTrack set up hybrid Azure AD join?",
  "Is ADFS coverd for multi forrest?",
  "Who activates the mobile devices?",
  "Does FastTrack integrate Mobile Threat Defense partners?",
  "What's the weather like today?",
  "Is Defender for Endpoint integration covered?",
  "Who maintains the test environment?",
  "Does FastTrack upgrade ConfigMgr?",
  "AD FS AND (",
  "Is password hash sync supported for multiple forests?",
  "Who handles helpdesk documentation and training?",
}
local bodies = {}
for i, q in ipairs(questions) do
  bodies[i] = '{"question": "' .. q .. '"}'
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/ask", nil, bodies[(n % #bodies) + 1])
end
