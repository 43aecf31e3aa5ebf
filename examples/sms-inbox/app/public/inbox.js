// The agent's page: the official @twilio/conversations browser bundle (window.Twilio), nothing else.
// Each conversation is a region named after the customer, with its messages as a list and a reply form.

const connection = document.getElementById('connection');
const conversations = document.getElementById('conversations');
const regions = new Map();

/** What the agent sees of an outbound message's delivery, from Twilio's receipts. */
async function deliveryText(message) {
  const receipt = message.aggregatedDeliveryReceipt;
  if (!receipt) return 'Sending';
  if (receipt.failed !== 'none' || receipt.undelivered !== 'none') {
    const [detail] = await message.getDetailedDeliveryReceipts();
    const label = receipt.failed !== 'none' ? 'Failed' : 'Undelivered';
    return detail && detail.errorCode ? `${label} (${detail.errorCode})` : label;
  }
  if (receipt.read === 'all') return 'Read';
  if (receipt.delivered === 'all') return 'Delivered';
  if (receipt.sent === 'all') return 'Sent';
  return 'Queued';
}

async function showStatus(message) {
  const item = document.getElementById(`message-${message.sid}`);
  const status = item && item.querySelector('.status');
  if (!status) return;
  const text = await deliveryText(message);
  status.textContent = text;
  status.classList.toggle('failed', /^(Failed|Undelivered)/.test(text));
}

function showMessage(message) {
  const region = regions.get(message.conversation.sid);
  if (!region || document.getElementById(`message-${message.sid}`)) return;
  const item = document.createElement('li');
  item.id = `message-${message.sid}`;
  const body = document.createElement('span');
  body.textContent = message.body;
  item.append(body);
  for (const media of message.attachedMedia || []) {
    const file = document.createElement('span');
    file.className = 'attachment';
    file.textContent = `[${media.filename || media.contentType}]`;
    item.append(file);
  }
  if (message.author === 'agent') {
    const status = document.createElement('span');
    status.className = 'status';
    item.append(status);
  }
  // Keep the thread in Twilio's order even when history and live messages arrive interleaved.
  item.dataset.index = String(message.index);
  const later = [...region.list.children].find((other) => Number(other.dataset.index) > message.index);
  region.list.insertBefore(item, later || null);
  if (message.author === 'agent') void showStatus(message);
}

async function showConversation(conversation) {
  if (regions.has(conversation.sid)) return;
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.id = `title-${conversation.sid}`;
  heading.textContent = `Conversation with ${conversation.friendlyName || 'a customer'}`;
  section.setAttribute('aria-labelledby', heading.id);
  const list = document.createElement('ol');
  list.setAttribute('aria-label', 'Messages');
  const form = document.createElement('form');
  const label = document.createElement('label');
  label.textContent = 'Reply ';
  const input = document.createElement('input');
  input.name = 'body';
  input.required = true;
  label.append(input);
  const send = document.createElement('button');
  send.textContent = 'Send';
  form.append(label, send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = input.value;
    input.value = '';
    void conversation.sendMessage(body);
  });
  section.append(heading, list, form);
  conversations.append(section);
  regions.set(conversation.sid, { list });
  const history = await conversation.getMessages(50);
  history.items.forEach(showMessage);
}

async function start() {
  const { token, sdkOptions } = await (await fetch('/session')).json();
  const client = new Twilio.Conversations.Client(token, sdkOptions);
  client.on('connectionStateChanged', (state) => {
    connection.textContent = state === 'connected' ? 'Connected' : state === 'connecting' ? 'Connecting…' : `Not connected (${state})`;
  });
  client.on('conversationJoined', (conversation) => void showConversation(conversation));
  client.on('messageAdded', showMessage);
  client.on('messageUpdated', ({ message, updateReasons }) => {
    if (updateReasons.includes('deliveryReceipt')) void showStatus(message);
  });
}

start().catch((error) => {
  connection.textContent = `Could not start: ${error.message}`;
});
