<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message>
        <source>Browser views (phones, tablets)</source>
        <translation>网页提示屏（手机、平板）</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>换新链接</translation>
    </message>
    <message>
        <source>Operator link: a second device may press next and the markers</source>
        <translation>操作链接：允许另一台设备按下一段和打点</translation>
    </message>
    <message>
        <source>Off: switch on to show the host screen, prompter and run order in a browser</source>
        <translation>未开启：开启后可在浏览器中查看主播提示屏、提词器和排品</translation>
    </message>
    <message>
        <source>The show ended; the browser views are off</source>
        <translation>直播已结束，网页提示屏已关闭</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Nobody connected</source>
        <translation>暂无设备连接</translation>
    </message>
    <message>
        <source>The show has ended: the browser views stop in a few seconds</source>
        <translation>直播已结束：网页提示屏将在几秒后关闭</translation>
    </message>
    <message>
        <source>Host screen: {url}
Prompter: /prompter · Run order: /rundown (same link)</source>
        <translation>主播提示屏：{url}
提词器：/prompter · 排品：/rundown（同一链接）</translation>
    </message>
    <message>
        <source>{address} (this computer only)</source>
        <translation>{address}（仅本机）</translation>
    </message>
    <message>
        <source>Operator link (keep it private): {url}</source>
        <translation>操作链接（请勿外传）：{url}</translation>
    </message>
    <message>
        <source>{count} connected</source>
        <translation>已连接 {count} 台</translation>
    </message>
    <message>
        <source>Cannot start the browser views: {reason}</source>
        <translation>无法开启网页提示屏：{reason}</translation>
    </message>
    <message>
        <source>Host screen</source>
        <translation>主播提示屏</translation>
    </message>
    <message>
        <source>First up</source>
        <translation>第一个环节</translation>
    </message>
    <message>
        <source>Nothing after this</source>
        <translation>之后没有环节</translation>
    </message>
    <message>
        <source>left in this step</source>
        <translation>本步骤剩余</translation>
    </message>
    <message>
        <source>Last marker</source>
        <translation>最近打点</translation>
    </message>
    <message>
        <source>over</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>Expected end</source>
        <translation>预计结束</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>segments done</source>
        <translation>个环节已完成</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting; the screen shows the last known state</source>
        <translation>连接中断，正在重连；画面为最后收到的状态</translation>
    </message>
    <message>
        <source>This link is no longer valid: scan the new QR code on the director's screen</source>
        <translation>此链接已失效：请扫描场控屏幕上的新二维码</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>No script for this segment</source>
        <translation>本环节暂无话术</translation>
    </message>
    <message>
        <source>Operator keys</source>
        <translation>操作键</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>下一段</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未被接受</translation>
    </message>
</context>
</TS>
